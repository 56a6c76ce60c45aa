import { inArray, type SQL, sql } from 'drizzle-orm';
import { type SETTING_FIELDS, valueAt } from '../../common/region-settings/fields.ts';
import {
  DEFAULT_REGION_SETTINGS,
  mergeRegionSettings,
  type RegionSettings,
  type RegionSettingsPatch,
} from '../../common/region-settings/settings.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { regions } from '../regions/index.ts';
import { regionSettings } from './tables.ts';

/** The codes of a region path ('61/6101/610102'), or of a code's path; none for an unknown code. */
async function codesOf(db: DbOrTx, regionCodeOrPath: string): Promise<string[]> {
  const codes = regionCodeOrPath.split('/').filter(Boolean);
  if (codes.length !== 1) return codes;
  const [region] = await db.select({ path: regions.path }).from(regions).where(inArray(regions.code, codes));
  return region ? region.path.split('/').filter(Boolean) : codes;
}

/** Each region's own change among these codes. */
export async function patchesOf(db: DbOrTx, codes: string[]): Promise<Map<string, RegionSettingsPatch>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ regionCode: regionSettings.regionCode, settings: regionSettings.settings })
    .from(regionSettings)
    .where(inArray(regionSettings.regionCode, codes));
  return new Map(rows.map((row) => [row.regionCode, row.settings as RegionSettingsPatch]));
}

/**
 * The settings that hold in a region: the defaults, then what each region from the root down to
 * this one changed. A region path ('61/6101/610102') may be given instead of a code.
 */
export async function settingsFor(db: DbOrTx, regionCodeOrPath: string): Promise<RegionSettings> {
  const codes = await codesOf(db, regionCodeOrPath);
  if (!codes.length) return mergeRegionSettings([]);
  const byCode = await patchesOf(db, codes);
  return mergeRegionSettings(codes.map((code) => byCode.get(code)).filter((p) => p !== undefined));
}

/** A value every region has: 'ratings.defaultAfterDays', 'hotline.limitDays.complaint', … */
export type SettingKey = (typeof SETTING_FIELDS)[number]['key'];

const jsonPath = (key: SettingKey) => `{${key.split('.').join(',')}}`;
const defaultOf = (key: SettingKey) => valueAt(DEFAULT_REGION_SETTINGS, key) as number;

/**
 * SQL of the value that holds for a row's region path (a text column or expression): the nearest
 * region on the path that sets it, else the default. For set-based queries over many regions.
 */
export function settingValueSql(regionPath: SQL, key: SettingKey): SQL {
  const path = jsonPath(key);
  return sql`coalesce((SELECT (s.settings #>> ${path}::text[])::numeric FROM region_settings s
      WHERE s.region_code = ANY(string_to_array(${regionPath}, '/'))
        AND jsonb_typeof(s.settings #> ${path}::text[]) = 'number'
      ORDER BY array_position(string_to_array(${regionPath}, '/'), s.region_code) DESC LIMIT 1),
    ${defaultOf(key)})`;
}

/** SQL of the smallest value any region (or the default) gives: a bound that holds everywhere. */
export function settingLeastSql(key: SettingKey): SQL {
  const path = jsonPath(key);
  return sql`(SELECT least(${defaultOf(key)}::numeric, min((s.settings #>> ${path}::text[])::numeric))
      FROM region_settings s WHERE jsonb_typeof(s.settings #> ${path}::text[]) = 'number')`;
}
