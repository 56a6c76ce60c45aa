import { and, eq, isNull } from 'drizzle-orm';
import type { Static } from 'typebox';
import { maskIdNumber } from '../../common/identity.ts';
import type { KioskSession } from '../../common/kiosk/api.ts';
import {
  closeSession,
  findOrCreateWalkInApplicant,
  loadActor,
  type NewSession,
  openSession,
} from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { checkCard, type IdCardReading } from './card.ts';
import type { KioskDeviceIdentity } from './devices.ts';
import {
  type KeptKioskSession,
  type KioskBinding,
  keepKioskSession,
  keptKioskSession,
} from './session-cache.ts';
import { kioskDevices, kioskSessions } from './tables.ts';

/** A kiosk session ends after this long without a request (the kiosk signs out after two idle minutes). */
export const KIOSK_IDLE_SECONDS = 180;
/** …and at the latest this long after the card was read. */
export const KIOSK_MAX_MINUTES = 30;
/** The session's last use is written at most this often. */
const TOUCH_INTERVAL_MS = 10_000;

export type KioskEndReason = 'sign_out' | 'idle' | 'time_limit' | 'replaced' | 'device_inactive';

/** What the kiosk shows of its session: the applicant by name and masked ID number. */
export type KioskSessionView = Omit<Static<typeof KioskSession>, 'csrfToken'>;

type KioskSessionRow = typeof kioskSessions.$inferSelect;

function view(actor: Actor, row: KioskSessionRow): KioskSessionView {
  return {
    applicant: { displayName: actor.displayName, idNumber: maskIdNumber(actor.login) },
    idleSeconds: KIOSK_IDLE_SECONDS,
    endsAt: new Date(row.startedAt.getTime() + KIOSK_MAX_MINUTES * 60_000).toISOString(),
  };
}

async function endSession(tx: Tx, row: KioskSessionRow, reason: KioskEndReason): Promise<boolean> {
  const [ended] = await tx
    .update(kioskSessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(kioskSessions.id, row.id), isNull(kioskSessions.endedAt)))
    .returning({ id: kioskSessions.id });
  if (row.sessionId) await closeSession(tx, row.sessionId);
  return !!ended;
}

/**
 * Identifies the holder of the ID card read at the kiosk: finds the person's applicant account
 * or opens one (walk-in, no password), ends whatever session the device still had open (the
 * previous person walked away), and opens a short applicant session bound to the device and its hall.
 */
export async function identifyAtKiosk(options: {
  db: Db;
  audit: AuditContext;
  device: KioskDeviceIdentity;
  card: IdCardReading;
  /** The session the kiosk's browser still carries, if any. */
  currentSessionId: string | null;
  userAgent: string | null;
}): Promise<{ session: NewSession; view: KioskSessionView }> {
  const { db, device } = options;
  const { name, idNumber } = checkCard(options.card, todayInChina());
  const atKiosk: AuditContext = {
    ...options.audit,
    actor: null,
    role: 'kiosk',
    organisationId: device.hall.organisationId,
  };
  const accountId = await findOrCreateWalkInApplicant({
    db,
    audit: atKiosk,
    input: { kind: 'person', login: idNumber, displayName: name },
  });
  const actor = await loadActor(db, accountId);
  if (!actor) throw new AppError('auth.forbidden');
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(kioskSessions)
      .where(and(eq(kioskSessions.deviceId, device.id), isNull(kioskSessions.endedAt)))
      .for('update');
    for (const row of open) await endSession(tx, row, 'replaced');
    if (options.currentSessionId) await closeSession(tx, options.currentSessionId);
    const session = await openSession({
      db: tx,
      accountId,
      ttlHours: KIOSK_MAX_MINUTES / 60,
      clientAddress: options.audit.clientAddress,
      userAgent: options.userAgent,
    });
    const [row] = await tx
      .insert(kioskSessions)
      .values({ sessionId: session.id, deviceId: device.id, hallId: device.hall.id, accountId })
      .returning();
    await recordAudit(
      tx,
      { ...atKiosk, actor, role: 'applicant' },
      {
        action: 'kiosk.identify',
        targetType: 'kiosk_session',
        targetId: row!.id,
        summary: {
          login: maskIdNumber(idNumber),
          deviceId: device.id,
          deviceName: device.name,
          hallId: device.hall.id,
          hallName: device.hall.name,
        },
      },
    );
    return { session, view: view(actor, row!) };
  });
}

/**
 * The kiosk binding of an applicant session, or null when it is not a kiosk session. A kiosk
 * session idle too long, past its time limit or on a deactivated device is ended here
 * (`ended` says why) and the applicant session with it. Touches the session's last use.
 * What was found is kept a few seconds (session-cache.ts); a kept session that looks over a
 * limit is read again before it is ended, as another process may have used it since.
 */
export async function checkKioskSession(
  db: Db,
  sessionId: string,
  now = new Date(),
): Promise<{ binding: KioskBinding } | { ended: KioskEndReason } | null> {
  const at = now.getTime();
  const kept = keptKioskSession(sessionId, at);
  if (kept === null) return null;
  if (kept && !overLimit(kept, at)) return touch(db, kept, at);
  const [found] = await db
    .select({ session: kioskSessions, deviceActive: kioskDevices.active })
    .from(kioskSessions)
    .innerJoin(kioskDevices, eq(kioskDevices.id, kioskSessions.deviceId))
    .where(and(eq(kioskSessions.sessionId, sessionId), isNull(kioskSessions.endedAt)));
  if (!found) {
    keepKioskSession(sessionId, null, at);
    return null;
  }
  const row = found.session;
  const open: KeptKioskSession = {
    binding: { kioskSessionId: row.id, deviceId: row.deviceId, hallId: row.hallId },
    startedAt: row.startedAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
  };
  const reason = found.deviceActive ? overLimit(open, at) : 'device_inactive';
  if (reason) {
    await db.transaction((tx) => endSession(tx, row, reason));
    return { ended: reason };
  }
  keepKioskSession(sessionId, open, at);
  return touch(db, open, at);
}

function overLimit(open: KeptKioskSession, at: number): KioskEndReason | null {
  if (at - open.lastSeenAt > KIOSK_IDLE_SECONDS * 1000) return 'idle';
  if (at - open.startedAt > KIOSK_MAX_MINUTES * 60_000) return 'time_limit';
  return null;
}

/** Writes the kiosk session's last use (at most every TOUCH_INTERVAL_MS) and answers its binding. */
async function touch(db: Db, open: KeptKioskSession, at: number): Promise<{ binding: KioskBinding }> {
  if (at - open.lastSeenAt > TOUCH_INTERVAL_MS) {
    open.lastSeenAt = at;
    await db
      .update(kioskSessions)
      .set({ lastSeenAt: new Date(at) })
      .where(eq(kioskSessions.id, open.binding.kioskSessionId));
  }
  return { binding: open.binding };
}

/** The kiosk session as the kiosk shows it (after a reload, say). */
export async function kioskSessionView(
  db: DbOrTx,
  actor: Actor,
  binding: KioskBinding,
): Promise<KioskSessionView> {
  const [row] = await db.select().from(kioskSessions).where(eq(kioskSessions.id, binding.kioskSessionId));
  if (!row) throw new AppError('auth.required');
  return view(actor, row);
}

/** Signing out at the kiosk: the session ends, with an audit record of who left which kiosk. */
export async function signOutAtKiosk(options: {
  db: Db;
  audit: AuditContext;
  binding: KioskBinding;
}): Promise<void> {
  const { db, audit, binding } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(kioskSessions).where(eq(kioskSessions.id, binding.kioskSessionId));
    if (!row || !(await endSession(tx, row, 'sign_out'))) return;
    await recordAudit(
      tx,
      { ...audit, role: 'applicant' },
      {
        action: 'kiosk.sign_out',
        targetType: 'kiosk_session',
        targetId: row.id,
        summary: { deviceId: row.deviceId, hallId: row.hallId },
      },
    );
  });
}
