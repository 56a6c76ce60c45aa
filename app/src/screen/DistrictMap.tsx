import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, echarts, FONT, useChart } from './chart.ts';
import { count } from './format.ts';
import type { ScreenDistrict } from './types.ts';

/** The district maps the app carries (scripts/generate-screen-maps.ts), loaded when a screen shows one. */
const MAPS = import.meta.glob<{ default: object }>('./maps/*.json');

const mapLoader = (region: string) => MAPS[`./maps/${region}.json`];

/** Whether the app carries a map of the region's children. */
export const hasMap = (region: string) => mapLoader(region) !== undefined;

/** Districts narrower than this (degrees) are named in the ranking only: their labels would overlap. */
const LABELLED_WIDTH = 0.12;

type GeoJson = {
  features: { properties: { adcode: string }; geometry: { coordinates: unknown } }[];
};

/** Every [longitude, latitude] of a geometry's nested coordinate arrays. */
function pointsOf(coordinates: unknown, into: number[][] = []): number[][] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') into.push(coordinates as number[]);
  else if (Array.isArray(coordinates)) for (const c of coordinates) pointsOf(c, into);
  return into;
}

/** The adcodes of the features too small on the map for a label. */
function smallDistricts(geoJson: GeoJson): Set<string> {
  const small = new Set<string>();
  for (const feature of geoJson.features) {
    const points = pointsOf(feature.geometry.coordinates);
    const span = (axis: 0 | 1) => {
      const values = points.map((p) => p[axis]!);
      return Math.max(...values) - Math.min(...values);
    };
    if (Math.max(span(0), span(1)) < LABELLED_WIDTH) small.add(feature.properties.adcode);
  }
  return small;
}

type Registered = { name: string; small: Set<string> };

/** Registers the region's map with ECharts once; gives its name and small districts, or null without one. */
function useRegisteredMap(region: string): Registered | null {
  const [registered, setRegistered] = useState<Registered | null>(null);
  useEffect(() => {
    const load = mapLoader(region);
    if (!load) return;
    let cancelled = false;
    const name = `districts-${region}`;
    void load().then((module) => {
      if (cancelled) return;
      const geoJson = module.default as GeoJson;
      if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as never);
      setRegistered({ name, small: smallDistricts(geoJson) });
    });
    return () => {
      cancelled = true;
    };
  }, [region]);
  return registered;
}

/** The region's districts coloured by this month's cases received, named on the map, matched by adcode. */
export function DistrictMap({ region, districts }: { region: string; districts: ScreenDistrict[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRegisteredMap(region);
  const option = useMemo<ChartOption | null>(() => {
    if (!map) return null;
    const names = new Map(districts.map((d) => [d.code, d]));
    const max = Math.max(1, ...districts.map((d) => d.received));
    return {
      textStyle: { fontFamily: FONT },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: false,
        left: 24,
        bottom: 16,
        itemHeight: 150,
        text: [count(max), '0'],
        textStyle: { color: '#cfe3ff', fontSize: 16 },
        inRange: { color: ['#0e3a78', '#1d7fd6', '#2fd3f0', '#ffd54f'] },
      },
      series: [
        {
          type: 'map',
          map: map.name,
          nameProperty: 'adcode',
          // The map fills the panel beside the colour scale, keeping its shape.
          left: 110,
          right: 16,
          top: 8,
          bottom: 8,
          selectedMode: false,
          silent: true,
          itemStyle: { borderColor: '#8fd3ff', borderWidth: 1.2, areaColor: '#0e3a78' },
          label: {
            show: true,
            color: '#ffffff',
            fontSize: 16,
            lineHeight: 20,
            textBorderColor: '#04122e',
            textBorderWidth: 3,
            formatter: (p: { name: string }) => {
              const d = names.get(p.name);
              return d ? `${d.name}\n${count(d.received)}` : '';
            },
          },
          data: districts.map((d) => ({
            name: d.code,
            value: d.received,
            ...(map.small.has(d.code) ? { label: { show: false } } : {}),
          })),
        },
      ],
    };
  }, [map, districts]);
  useChart(element, option);
  return (
    <section className="big-panel big-map" data-testid="screen-map">
      <h2>{t('screen.map')}</h2>
      <div ref={element} className="big-chart" />
    </section>
  );
}
