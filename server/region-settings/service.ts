import { inArray } from 'drizzle-orm';
import {
  mergeRegionSettings,
  type RegionSettings,
  type RegionSettingsPatch,
} from '../../common/region-settings/settings.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { regions } from '../regions/index.ts';
import { regionSettings } from './tables.ts';

/**
 * The settings that hold in a region: the defaults, then what each region from the root down to
 * this one changed. A region path ('61/6101/610102') may be given instead of a code.
 */
export async function settingsFor(db: DbOrTx, regionCodeOrPath: string): Promise<RegionSettings> {
  let codes = regionCodeOrPath.split('/').filter(Boolean);
  if (codes.length === 1) {
    const [region] = await db
      .select({ path: regions.path })
      .from(regions)
      .where(inArray(regions.code, codes));
    if (region) codes = region.path.split('/').filter(Boolean);
  }
  if (!codes.length) return mergeRegionSettings([]);
  const rows = await db
    .select({ regionCode: regionSettings.regionCode, settings: regionSettings.settings })
    .from(regionSettings)
    .where(inArray(regionSettings.regionCode, codes));
  const byCode = new Map(rows.map((row) => [row.regionCode, row.settings as RegionSettingsPatch]));
  return mergeRegionSettings(codes.map((code) => byCode.get(code)).filter((p) => p !== undefined));
}
