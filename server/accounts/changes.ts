import { and, eq } from 'drizzle-orm';
import { maskPhone } from '../../common/identity.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { can } from '../core/access/policy.ts';
import { changed } from '../core/caches.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { normalisePhone } from './logins.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import {
  type AccountRow,
  type AccountView,
  findStaffAccount,
  getAccount,
  organisationResource,
  requireName,
} from './service.ts';
import { closeSessionsOf } from './sessions.ts';
import { accounts } from './tables.ts';

export type AccountChanges = {
  version: number;
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  organisationId?: string;
};

/** Applies a change to an account row, with optimistic concurrency and an audit record. */
async function changeAccount(options: {
  db: Db;
  audit: AuditContext;
  id: string;
  version?: number;
  action: string;
  set: Partial<AccountRow>;
  summary: (before: AccountRow) => Record<string, unknown>;
  signOut?: boolean;
}): Promise<AccountView> {
  const { db, audit, id } = options;
  await db.transaction(async (tx) => {
    const before = await findStaffAccount(tx, id);
    if (options.version !== undefined && before.version !== options.version) {
      throw new AppError('resource.conflict');
    }
    const [updated] = await tx
      .update(accounts)
      .set({ ...options.set, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(accounts.id, id), eq(accounts.version, before.version)))
      .returning({ id: accounts.id });
    if (!updated) throw new AppError('resource.conflict');
    if (options.signOut) await closeSessionsOf(tx, id);
    await recordAudit(tx, audit, {
      action: options.action,
      targetType: 'account',
      targetId: id,
      summary: options.summary(before),
    });
  });
  changed('account', id);
  return getAccount({ db, id });
}

/** Updates name, phone, e-mail or organisation; a stale version is a 409. */
export async function updateAccount(options: {
  db: Db;
  audit: AuditContext;
  id: string;
  input: AccountChanges;
}) {
  const { input } = options;
  const next: Partial<AccountRow> = {};
  if (input.displayName !== undefined) next.displayName = requireName(input.displayName);
  if (input.phone !== undefined) next.phone = normalisePhone(input.phone);
  if (input.email !== undefined) next.email = input.email?.trim() || null;
  if (input.organisationId !== undefined) {
    const scope = await organisationResource(options.db, input.organisationId, 'organisationId');
    const actor = options.audit.actor;
    if (actor && !can(actor, 'account.manage', scope)) throw new AppError('auth.forbidden');
    next.organisationId = input.organisationId;
  }
  const shown = (key: keyof AccountRow, value: unknown) =>
    key === 'phone' && typeof value === 'string' ? maskPhone(value) : value;
  return changeAccount({
    ...options,
    version: input.version,
    action: 'account.update',
    set: next,
    summary: (before) => {
      const changed = (Object.keys(next) as (keyof AccountRow)[]).filter((k) => before[k] !== next[k]);
      return {
        before: Object.fromEntries(changed.map((k) => [k, shown(k, before[k])])),
        after: Object.fromEntries(changed.map((k) => [k, shown(k, next[k])])),
      };
    },
  });
}

/** Deactivates (signing the account out everywhere) or reactivates an account. */
export async function setAccountActive(options: {
  db: Db;
  audit: AuditContext;
  id: string;
  active: boolean;
}) {
  return changeAccount({
    ...options,
    action: options.active ? 'account.activate' : 'account.deactivate',
    set: { active: options.active },
    summary: (before) => ({ before: { active: before.active }, after: { active: options.active } }),
    signOut: !options.active,
  });
}

/** Sets a new password chosen by an administrator; the account is unlocked and signed out everywhere. */
export async function resetPassword(options: { db: Db; audit: AuditContext; id: string; password: string }) {
  checkNewPassword(options.password);
  const passwordHash = await hashPassword(options.password);
  return changeAccount({
    ...options,
    action: 'account.reset_password',
    set: { passwordHash, failedSignIns: 0, lockedUntil: null },
    summary: () => ({ passwordReset: true }),
    signOut: true,
  });
}

/** Lifts a sign-in lock. */
export async function unlockAccount(options: { db: Db; audit: AuditContext; id: string }) {
  return changeAccount({
    ...options,
    action: 'account.unlock',
    set: { failedSignIns: 0, lockedUntil: null },
    summary: (before) => ({ before: { lockedUntil: before.lockedUntil?.toISOString() ?? null } }),
  });
}
