import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Resource } from '../core/access/policy.ts';
import { changed } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { getHall, hallScope } from '../organisations/index.ts';
import { kioskDevices } from './tables.ts';

export type KioskDeviceRow = typeof kioskDevices.$inferSelect;

/** A device as listed: never its token or the token's hash. */
export type KioskDevice = Omit<KioskDeviceRow, 'tokenHash'>;

/** The device a token belongs to, with its hall, as the kiosk app needs it. */
export type KioskDeviceIdentity = {
  id: string;
  name: string;
  hall: { id: string; name: string; address: string; organisationId: string; regionCode: string };
};

const TOKEN_PATTERN = /^[\w-]{16,100}$/;
/** The device's last use is written at most this often. */
const SEEN_INTERVAL_MS = 60_000;

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const deviceNotFound = () => new AppError('resource.not_found', { params: { resource: '自助终端' } });

function present(row: KioskDeviceRow): KioskDevice {
  const { tokenHash: _hash, ...device } = row;
  return device;
}

/** Where a device lives (its hall's organisation and region), for permission checks. */
export async function deviceScope(db: DbOrTx, id: string): Promise<Resource> {
  const [row] = await db
    .select({ hallId: kioskDevices.hallId })
    .from(kioskDevices)
    .where(eq(kioskDevices.id, id));
  if (!row) throw deviceNotFound();
  return hallScope(db, row.hallId);
}

/**
 * Registers a kiosk in an active hall. The token is returned here once and never again; only
 * its SHA-256 is kept. `token` is given only by the demo data (a documented fixed token).
 */
export async function registerDevice(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: { hallId: string; name: string };
  token?: string;
}): Promise<{ device: KioskDevice; token: string }> {
  const { db, audit, input } = options;
  const name = input.name.trim();
  if (!name) {
    throw new AppError('validation.field', {
      field: 'name',
      params: { problem: '不能为空', problemEn: 'must not be empty' },
    });
  }
  const hall = await getHall({ db, id: input.hallId });
  if (!hall.active) {
    throw new AppError('validation.field', {
      field: 'hallId',
      params: { problem: '大厅已停用', problemEn: 'the hall is closed' },
    });
  }
  const token = options.token ?? `ywk_${randomBytes(24).toString('base64url')}`;
  const device = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(kioskDevices)
      .values({
        hallId: hall.id,
        name,
        tokenHash: tokenHashOf(token),
        createdBy: audit.actor?.accountId ?? null,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: 'kiosk.register',
      targetType: 'kiosk_device',
      targetId: created!.id,
      summary: { name, hallId: hall.id, hallName: hall.name },
    });
    return created!;
  });
  return { device: present(device), token };
}

export async function listDevices(options: { db: DbOrTx; hallId: string }): Promise<KioskDevice[]> {
  const rows = await options.db
    .select()
    .from(kioskDevices)
    .where(eq(kioskDevices.hallId, options.hallId))
    .orderBy(desc(kioskDevices.active), kioskDevices.name);
  return rows.map(present);
}

/**
 * Deactivates a device: its token stops working and its open session ends at its next request
 * (served by another process, at a request at most KIOSK_KEPT_MS later).
 */
export async function deactivateDevice(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
}): Promise<KioskDevice> {
  const { db, audit, id } = options;
  const device = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(kioskDevices).where(eq(kioskDevices.id, id)).for('update');
    if (!row) throw deviceNotFound();
    if (!row.active) return present(row);
    const [updated] = await tx
      .update(kioskDevices)
      .set({ active: false, deactivatedAt: new Date(), deactivatedBy: audit.actor?.accountId ?? null })
      .where(eq(kioskDevices.id, id))
      .returning();
    await recordAudit(tx, audit, {
      action: 'kiosk.deactivate',
      targetType: 'kiosk_device',
      targetId: id,
      summary: { name: row.name, hallId: row.hallId },
    });
    return present(updated!);
  });
  changed('kiosk-device', id);
  return device;
}

/** The active device of a token, or a 401 that tells the kiosk to be set up again. */
export async function deviceByToken(db: DbOrTx, token: string | undefined): Promise<KioskDeviceIdentity> {
  if (!token || !TOKEN_PATTERN.test(token)) throw new AppError('kiosk.device_unknown');
  const [row] = await db
    .select()
    .from(kioskDevices)
    .where(and(eq(kioskDevices.tokenHash, tokenHashOf(token)), eq(kioskDevices.active, true)));
  if (!row) throw new AppError('kiosk.device_unknown');
  const hall = await getHall({ db, id: row.hallId });
  if (!hall.active) throw new AppError('kiosk.device_unknown');
  const now = new Date();
  await db
    .update(kioskDevices)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(kioskDevices.id, row.id),
        or(
          isNull(kioskDevices.lastSeenAt),
          lt(kioskDevices.lastSeenAt, new Date(now.getTime() - SEEN_INTERVAL_MS)),
        ),
      ),
    );
  return {
    id: row.id,
    name: row.name,
    hall: {
      id: hall.id,
      name: hall.name,
      address: hall.address,
      organisationId: hall.organisationId,
      regionCode: hall.regionCode,
    },
  };
}
