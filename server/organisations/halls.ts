import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { OrganisationKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { withTrimmedText } from '../core/text.ts';
import { inRegionSubtree, requireRegion } from '../regions/index.ts';
import { updateAudited } from './changes.ts';
import { findOrganisation, type OrganisationScope, organisationScope } from './service.ts';
import { halls, organisations, windows } from './tables.ts';

export type HallRow = typeof halls.$inferSelect;
export type Hall = HallRow & {
  organisationName: string;
  organisationKind: OrganisationKind;
  regionCode: string;
  windowCount: number;
};
export type HallInput = {
  name: string;
  address: string;
  openingHours: string;
  phone?: string | null;
  /** WGS-84 degrees; a hall has both or neither. */
  latitude?: number | null;
  longitude?: number | null;
};

const notFound = () => new AppError('resource.not_found', { params: { resource: '大厅' } });

async function present(db: DbOrTx, rows: HallRow[]): Promise<Hall[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [owners, counts] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        regionCode: organisations.regionCode,
      })
      .from(organisations)
      .where(
        inArray(
          organisations.id,
          rows.map((r) => r.organisationId),
        ),
      ),
    db
      .select({ hallId: windows.hallId, n: count() })
      .from(windows)
      .where(and(inArray(windows.hallId, ids), eq(windows.active, true)))
      .groupBy(windows.hallId),
  ]);
  const owner = new Map(owners.map((o) => [o.id, o]));
  const windowCount = new Map(counts.map((c) => [c.hallId, c.n]));
  return rows.map((r) => ({
    ...r,
    organisationName: owner.get(r.organisationId)?.name ?? '',
    organisationKind: (owner.get(r.organisationId)?.kind ?? 'service_centre') as OrganisationKind,
    regionCode: owner.get(r.organisationId)?.regionCode ?? '',
    windowCount: windowCount.get(r.id) ?? 0,
  }));
}

export async function findHall(db: DbOrTx, id: string): Promise<HallRow | null> {
  const [row] = await db.select().from(halls).where(eq(halls.id, id));
  return row ?? null;
}

export async function getHall(options: { db: DbOrTx; id: string }): Promise<Hall> {
  const row = await findHall(options.db, options.id);
  if (!row) throw notFound();
  return (await present(options.db, [row]))[0]!;
}

/** Where a hall lives (its organisation's scope), for permission checks. */
export async function hallScope(db: DbOrTx, id: string): Promise<OrganisationScope> {
  const row = await findHall(db, id);
  if (!row) throw notFound();
  return organisationScope(db, row.organisationId);
}

export async function listHalls(options: {
  db: DbOrTx;
  filter?: { organisationId?: string; region?: string; subtree?: boolean; active?: boolean };
}): Promise<Hall[]> {
  const { db, filter = {} } = options;
  const conditions: SQL[] = [];
  if (filter.organisationId) conditions.push(eq(halls.organisationId, filter.organisationId));
  if (filter.active !== undefined) conditions.push(eq(halls.active, filter.active));
  if (filter.region) {
    const region = await requireRegion(db, filter.region, 'region');
    conditions.push(
      filter.subtree
        ? inRegionSubtree(organisations.regionCode, region.path)
        : eq(organisations.regionCode, region.code),
    );
  }
  const rows = await db
    .select({ hall: halls })
    .from(halls)
    .innerJoin(organisations, eq(organisations.id, halls.organisationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.regionCode), asc(halls.name))
    .limit(500);
  return present(
    db,
    rows.map((r) => r.hall),
  );
}

/**
 * A hall's position after a change: both coordinates or neither, each within its range (a 400
 * naming the coordinate that is missing or out of range).
 */
export function checkPosition(next: { latitude?: number | null; longitude?: number | null }): void {
  const problem = (field: string, zh: string, en: string) =>
    new AppError('validation.field', { field, params: { problem: zh, problemEn: en } });
  const { latitude = null, longitude = null } = next;
  for (const [field, value, limit] of [
    ['latitude', latitude, 90],
    ['longitude', longitude, 180],
  ] as const) {
    if (value !== null && !(Number.isFinite(value) && Math.abs(value) <= limit)) {
      throw problem(
        field,
        `须在 -${limit} 至 ${limit} 度之间`,
        `must be between -${limit} and ${limit} degrees`,
      );
    }
  }
  if ((latitude === null) !== (longitude === null)) {
    throw problem(
      latitude === null ? 'latitude' : 'longitude',
      '经度和纬度须同时填写或同时留空',
      'latitude and longitude go together',
    );
  }
}

function trimmed<T extends Partial<HallInput>>(input: T): T {
  const out = withTrimmedText(input, ['name', 'address', 'openingHours']);
  if (typeof out.phone === 'string') out.phone = out.phone.trim() || null;
  return out;
}

export async function createHall(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: HallInput & { organisationId: string };
}): Promise<Hall> {
  const input = trimmed(options.input);
  checkPosition(input);
  const row = await options.db.transaction(async (tx) => {
    const owner = await findOrganisation(tx, input.organisationId);
    if (!owner?.active) {
      throw new AppError('validation.field', {
        field: 'organisationId',
        params: { problem: '机构不存在或已停用', problemEn: 'no such active organisation' },
      });
    }
    const [created] = await tx
      .insert(halls)
      .values({
        organisationId: owner.id,
        name: input.name,
        address: input.address,
        openingHours: input.openingHours,
        phone: input.phone ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
      })
      .returning();
    await recordAudit(tx, options.audit, {
      action: 'hall.create',
      targetType: 'hall',
      targetId: created!.id,
      summary: { ...input },
    });
    return created!;
  });
  return (await present(options.db, [row]))[0]!;
}

export async function updateHall(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
  input: Partial<HallInput> & { version: number; active?: boolean };
}): Promise<Hall> {
  const { version, ...changes } = trimmed(options.input);
  const row = await options.db.transaction((tx) =>
    updateAudited({
      tx,
      audit: options.audit,
      table: halls,
      where: eq(halls.id, options.id),
      version,
      notFound,
      changes: (current) => {
        checkPosition({
          latitude: changes.latitude === undefined ? current.latitude : changes.latitude,
          longitude: changes.longitude === undefined ? current.longitude : changes.longitude,
        });
        return changes;
      },
      action: changes.active === false ? 'hall.deactivate' : 'hall.update',
      targetType: 'hall',
    }),
  );
  return (await present(options.db, [row]))[0]!;
}
