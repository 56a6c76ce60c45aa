import { eq, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import {
  DEFAULT_REGION_SETTINGS,
  mergeRegionSettings,
  type RegionSettingsPatch,
  SETTING_FIELDS,
  type SettingsPutBody,
  type SettingsView,
  settingsProblems,
  valueAt,
  withValueAt,
} from '../../common/region-settings/api.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findRegion, type Region, regionNames } from '../regions/index.ts';
import { patchesOf } from './service.ts';
import { regionSettings } from './tables.ts';

type View = Static<typeof SettingsView>;
type Source = View['values'][number]['source'];

/** The region of a code the actor may set, a 404 when there is none, a 403 outside the actor's regions. */
async function regionToSet(db: DbOrTx, actor: Actor, code: string): Promise<Region> {
  const region = await findRegion(db, code);
  if (!region)
    throw new AppError('resource.not_found', { field: 'regionCode', params: { resource: '行政区划' } });
  if (!can(actor, 'region.settings', { regionPath: region.path })) throw new AppError('auth.forbidden');
  return region;
}

/** The settings that hold in a region, where each value comes from, its own change and version. */
export async function regionSettingsView(db: Db, actor: Actor, code: string): Promise<View> {
  const region = await regionToSet(db, actor, code);
  const codes = region.path.split('/').filter(Boolean);
  const patches = await patchesOf(db, codes);
  const names = await regionNames(db, codes);
  const [own] = await db.select().from(regionSettings).where(eq(regionSettings.regionCode, region.code));
  const values = SETTING_FIELDS.map((field) => {
    let value = valueAt(DEFAULT_REGION_SETTINGS, field.key) as number;
    let source: Source = null;
    let inherited = value;
    let inheritedFrom: Source = null;
    for (const at of codes) {
      const set = valueAt(patches.get(at) ?? {}, field.key);
      if (at === region.code) {
        inherited = value;
        inheritedFrom = source;
      }
      if (typeof set !== 'number') continue;
      value = set;
      source = { regionCode: at, regionName: names.get(at) ?? at };
    }
    return { key: field.key, value, source, inherited, inheritedFrom };
  });
  return {
    regionCode: region.code,
    regionName: region.name,
    version: own?.version ?? 0,
    settings: mergeRegionSettings(codes.map((at) => patches.get(at)).filter((p) => p !== undefined)),
    own: (own?.settings ?? {}) as RegionSettingsPatch,
    values,
    updatedAt: own?.updatedAt.toISOString() ?? null,
  };
}

/** The region's change with the body's values applied: a number sets, null removes. */
function applied(own: RegionSettingsPatch, change: RegionSettingsPatch): RegionSettingsPatch {
  let next = own;
  for (const field of SETTING_FIELDS) {
    const value = valueAt(change, field.key);
    if (value === undefined) continue;
    next = withValueAt(next, field.key, value === null ? undefined : (value as number));
  }
  return next;
}

/**
 * Changes a region's settings: a stale version is a 409, each value checked (a 400 naming its
 * place, every problem in the details), the change audited with what it was before.
 */
export async function saveRegionSettings(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  code: string;
  body: Static<typeof SettingsPutBody>;
}): Promise<void> {
  const { db, actor, body } = options;
  const region = await regionToSet(db, actor, options.code);
  const codes = region.path.split('/').filter(Boolean);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(regionSettings)
      .where(eq(regionSettings.regionCode, region.code))
      .for('update');
    if ((row?.version ?? 0) !== body.version) throw new AppError('resource.conflict');
    const before = (row?.settings ?? {}) as RegionSettingsPatch;
    const change = body.settings as RegionSettingsPatch;
    const after = applied(before, change);
    const patches = await patchesOf(tx, codes);
    patches.set(region.code, after);
    const merged = mergeRegionSettings(codes.map((at) => patches.get(at)).filter((p) => p !== undefined));
    const problems = settingsProblems(change, merged);
    const first = problems[0];
    if (first)
      throw new AppError('validation.field', {
        field: first.field,
        params: { problem: first.problem, problemEn: first.problemEn },
        details: { issues: problems },
      });
    const by = actor.accountId;
    if (row) {
      await tx
        .update(regionSettings)
        .set({
          settings: after,
          version: sql`${regionSettings.version} + 1`,
          updatedBy: by,
          updatedAt: new Date(),
        })
        .where(eq(regionSettings.regionCode, region.code));
    } else {
      const inserted = await tx
        .insert(regionSettings)
        .values({ regionCode: region.code, settings: after, updatedBy: by })
        .onConflictDoNothing()
        .returning({ version: regionSettings.version });
      if (!inserted.length) throw new AppError('resource.conflict');
    }
    await recordAudit(tx, options.audit, {
      action: 'region_settings.update',
      targetType: 'region',
      targetId: region.code,
      summary: { regionName: region.name, version: (row?.version ?? 0) + 1, before, after },
    });
  });
}
