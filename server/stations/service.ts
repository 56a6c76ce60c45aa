import type { Static } from 'typebox';
import type { StationsAnswer, StationView } from '../../common/stations/api.ts';
import { mattersAtHalls } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { listStationHalls, type StationHall } from '../organisations/index.ts';
import { requireRegion } from '../regions/index.ts';
import { areaOfAddress, areaTiers } from './area.ts';
import { distanceKm, type Position, parseNear, positionOf } from './geo.ts';

type Answer = Static<typeof StationsAnswer>;
type Station = Static<typeof StationView>;

/** The most stations one answer lists. */
const LISTED = 100;

/** The districts (their paths) the stations lie in: where an address's names are looked for. */
function districtPaths(stations: StationHall[]): string[] {
  return [...new Set(stations.map((s) => s.regionPath.split('/').slice(0, 3).join('/')))];
}

const within = (path: string, area: string) => path === area || path.startsWith(`${area}/`);

/**
 * 身边的政务服务站: the halls of service centres, street centres and community stations in the
 * region's subtree. With `near` (a position), nearest first by great-circle distance; with an
 * address, those of the community it names first, then of its street, then of its district, each
 * by distance from that area's own station; otherwise by region.
 */
export async function listStations(options: {
  db: DbOrTx;
  region?: string;
  near?: string;
  address?: string;
}): Promise<Answer> {
  const { db } = options;
  const origin = options.near === undefined ? null : parseNear(options.near);
  const scope = options.region ? (await requireRegion(db, options.region, 'region')).path : undefined;
  const stations = await listStationHalls(db, scope);
  const address = options.address?.trim() ?? '';

  let rankedBy: Answer['rankedBy'] = 'region';
  let area: Answer['area'] = null;
  let from: Position | null = origin;
  let tierOf = (_: StationHall) => 0;
  if (origin) {
    rankedBy = 'position';
  } else if (address) {
    const found = await areaOfAddress(db, address, scope ? [scope] : districtPaths(stations));
    if (found) {
      rankedBy = 'address';
      area = { code: found.code, name: found.name, level: found.level };
      const tiers = areaTiers(found);
      tierOf = (s) => {
        const i = tiers.findIndex((path) => within(s.regionPath, path));
        return i === -1 ? tiers.length : i;
      };
      // The area's own station: of the community, else of its street, else the district's centre.
      for (const path of tiers) {
        const own = stations.find((s) => s.regionPath === path && positionOf(s));
        if (own) {
          from = positionOf(own);
          break;
        }
      }
    }
  }

  const listed = stations.map((s, order) => {
    const at = positionOf(s);
    return { s, order, tier: tierOf(s), km: from && at ? distanceKm(from, at) : null };
  });
  if (rankedBy !== 'region') {
    listed.sort(
      (a, b) =>
        a.tier - b.tier ||
        (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
        a.order - b.order,
    );
  }
  const shown = listed.slice(0, LISTED);
  const matters = await mattersAtHalls(
    db,
    shown.map(({ s }) => s.hallId),
  );
  const items: Station[] = shown.map(({ s, km }) => {
    const { regionPath: _path, ...station } = s;
    return {
      ...station,
      distanceKm: km === null ? null : Math.round(km * 10) / 10,
      matters: matters.get(s.hallId)!,
    };
  });
  return { rankedBy, area, items };
}
