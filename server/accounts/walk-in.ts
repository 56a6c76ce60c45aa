import { and, eq, isNull, sql } from 'drizzle-orm';
import { maskPhone } from '../../common/identity.ts';
import type { AccountKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { changed } from '../core/caches.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { displayLogin, normaliseLogin, normalisePhone } from './logins.ts';
import { accounts } from './tables.ts';

/** The password hash of an account created at a counter: no password matches it until it is claimed. */
export const UNCLAIMED = '!';

export type WalkInApplicant = {
  kind: Exclude<AccountKind, 'staff'>;
  /** Resident ID number (person) or unified social credit code (company). */
  login: string;
  displayName: string;
  phone?: string | null;
};

/** The applicant account of an ID number or credit code (already normalised), or null. */
export async function findApplicant(db: DbOrTx, kind: string, login: string) {
  const [row] = await db
    .select({ id: accounts.id, phone: accounts.phone })
    .from(accounts)
    .where(and(eq(accounts.kind, kind), eq(accounts.login, login)));
  return row ?? null;
}

/**
 * The applicant account of someone identified in person (at a counter, a kiosk, by an agent),
 * found by ID number or credit code, or created without a password. Its holder can later claim
 * it online (see claim.ts) with a code sent to the phone recorded here. A phone given for an
 * account that has none is recorded, so that an account without one becomes claimable.
 */
export async function findOrCreateWalkInApplicant(options: {
  db: Db;
  audit: AuditContext;
  input: WalkInApplicant;
}): Promise<string> {
  const { db, audit, input } = options;
  const login = normaliseLogin(input.kind, input.login, 'applicant/login');
  const phone = normalisePhone(input.phone, 'applicant/phone');
  const found = await findApplicant(db, input.kind, login);
  if (found) {
    if (!found.phone && phone) await recordPhone(db, audit, found.id, phone);
    return found.id;
  }
  const displayName = input.displayName.trim();
  if (!displayName) {
    throw new AppError('validation.field', {
      field: 'applicant/displayName',
      params: { problem: '不能为空', problemEn: 'must not be empty' },
    });
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accounts)
      .values({ kind: input.kind, login, displayName, passwordHash: UNCLAIMED, phone })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    // Created at the same moment elsewhere: read it on this transaction's own connection.
    if (!created) return (await findApplicant(tx, input.kind, login))!.id;
    await recordAudit(tx, audit, {
      action: 'account.create_walk_in',
      targetType: 'account',
      targetId: created.id,
      summary: {
        kind: input.kind,
        login: displayLogin(input.kind, login),
        displayName,
        ...(phone ? { phone: maskPhone(phone) } : {}),
      },
    });
    return created.id;
  });
}

/** Records the phone given in person for an account that has none (never replaces one). */
async function recordPhone(db: Db, audit: AuditContext, accountId: string, phone: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(accounts)
      .set({ phone, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(accounts.id, accountId), isNull(accounts.phone)))
      .returning({ id: accounts.id });
    if (!updated) return;
    await recordAudit(tx, audit, {
      action: 'account.record_phone',
      targetType: 'account',
      targetId: accountId,
      summary: { phone: maskPhone(phone) },
    });
  });
  changed('account', accountId);
}

/** Whether the applicant account of this number was created in person and has not been claimed. */
export async function isUnclaimedWalkIn(db: DbOrTx, kind: string, login: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.kind, kind), eq(accounts.login, login), eq(accounts.passwordHash, UNCLAIMED)));
  return !!row;
}
