import fs from 'node:fs';
import type { RegionLevel } from '../roles.ts';

/** The committed division file written by `npm run regions:generate`. */
export const REGION_FILE = new URL('./regions.tsv', import.meta.url);

export type RegionRecord = { code: string; name: string; parentCode: string | null; level: RegionLevel };

/**
 * The level a code stands for: 6-digit GB/T 2260 codes for provinces (610000), cities (610100)
 * and districts (610102); 9-digit statistical codes for streets, 12-digit ones for communities.
 */
export function levelOfCode(code: string): RegionLevel | null {
  if (/^\d{12}$/.test(code)) return 'community';
  if (/^\d{9}$/.test(code)) return 'street';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** Every region of the file, parents before their children. */
export function readRegionFile(file: URL | string = REGION_FILE): RegionRecord[] {
  const records: RegionRecord[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const [code = '', name = '', parent = ''] = line.split('\t');
    const level = levelOfCode(code);
    if (!level || !name) throw new Error(`bad line in the region file: ${line}`);
    records.push({ code, name, parentCode: parent || null, level });
  }
  return records;
}
