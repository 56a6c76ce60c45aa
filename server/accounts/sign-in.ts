import { and, eq, sql } from 'drizzle-orm';
import type { Me } from '../../common/me.ts';
import type { AccountKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { describeMe, loadActor } from './actors.ts';
import { displayLogin, normaliseLogin } from './logins.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { closeExpiredSessionsOf, closeSession, type NewSession, openSession } from './sessions.ts';
import { accounts } from './tables.ts';
import { countAttempt, failUnknownLogin, unknownLoginState } from './throttle.ts';

export type SignInInput = { kind: AccountKind; login: string; password: string };

export type SignInOptions = {
  db: Db;
  config: Config;
  audit: AuditContext;
  input: SignInInput;
  userAgent: string | null;
};

/**
 * Sign-in and registration attempts per client address and minute (every attempt
 * counts, successful or not); 429 request.rate_limited above config.signIn.ipMaxPerMinute.
 */
export async function checkAddressLimit(options: {
  db: Db;
  config: Config;
  audit: AuditContext;
}): Promise<void> {
  const address = options.audit.clientAddress ?? 'unknown';
  const attempts = await countAttempt(options.db, `ip:${address}`, 60);
  if (attempts > options.config.signIn.ipMaxPerMinute) throw new AppError('request.rate_limited');
}

function minutesUntil(when: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
}

async function auditFailure(
  options: SignInOptions,
  login: string,
  accountId: string | null,
  reason: 'invalid_credentials' | 'locked',
): Promise<void> {
  await options.db.transaction(async (tx) => {
    await recordAudit(tx, options.audit, {
      action: reason === 'locked' ? 'auth.sign_in_locked' : 'auth.sign_in_failed',
      targetType: 'account',
      targetId: accountId,
      summary: { kind: options.input.kind, login: displayLogin(options.input.kind, login).slice(0, 64) },
    });
  });
}

/**
 * Signs in with a login and password. Unknown logins and wrong passwords answer the
 * same (401 auth.invalid_credentials, after an equally slow hash check); after
 * config.signIn.maxFailures consecutive failures a login is locked for lockMinutes.
 */
export async function signIn(options: SignInOptions): Promise<{ me: Me; session: NewSession }> {
  const { db, config, input } = options;
  await checkAddressLimit(options);
  const login =
    input.kind === 'staff' ? input.login.trim().toLowerCase() : normaliseLogin(input.kind, input.login);
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.kind, input.kind), eq(accounts.login, login)));

  if (!account) {
    const key = `login:${input.kind}:${login}`;
    const state = await unknownLoginState(db, key, config.signIn.lockMinutes);
    if (state.lockedUntil) {
      await auditFailure(options, login, null, 'locked');
      throw new AppError('auth.locked', { params: { minutes: minutesUntil(state.lockedUntil) } });
    }
    await verifyAgainstDummy(input.password);
    await failUnknownLogin(db, key, config.signIn.maxFailures);
    await auditFailure(options, login, null, 'invalid_credentials');
    throw new AppError('auth.invalid_credentials');
  }

  if (account.lockedUntil && account.lockedUntil > new Date()) {
    await auditFailure(options, login, account.id, 'locked');
    throw new AppError('auth.locked', { params: { minutes: minutesUntil(account.lockedUntil) } });
  }
  const passwordOk = await verifyPassword(account.passwordHash, input.password);
  if (!passwordOk || !account.active) {
    const max = config.signIn.maxFailures;
    await db
      .update(accounts)
      .set({
        failedSignIns: sql`CASE WHEN ${accounts.failedSignIns} + 1 >= ${max} THEN 0 ELSE ${accounts.failedSignIns} + 1 END`,
        lockedUntil: sql`CASE WHEN ${accounts.failedSignIns} + 1 >= ${max}
          THEN now() + make_interval(mins => ${config.signIn.lockMinutes}) ELSE ${accounts.lockedUntil} END`,
      })
      .where(eq(accounts.id, account.id));
    await auditFailure(options, login, account.id, 'invalid_credentials');
    throw new AppError('auth.invalid_credentials');
  }

  const actor = await loadActor(db, account.id);
  if (!actor) throw new AppError('auth.invalid_credentials');
  const session = await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
      .where(eq(accounts.id, account.id));
    await closeExpiredSessionsOf(tx, account.id);
    const opened = await openSession({
      db: tx,
      accountId: account.id,
      ttlHours: config.sessionTtlHours,
      clientAddress: options.audit.clientAddress,
      userAgent: options.userAgent,
    });
    await recordAudit(
      tx,
      { ...options.audit, actor, role: actor.grants[0]?.role ?? null },
      {
        action: 'auth.sign_in',
        targetType: 'account',
        targetId: account.id,
        summary: { kind: input.kind, login: displayLogin(input.kind, login) },
      },
    );
    return opened;
  });
  return { me: await describeMe(db, actor), session };
}

/** Ends the session and records the sign-out. */
export async function signOut(options: { db: Db; audit: AuditContext; sessionId: string }): Promise<void> {
  await options.db.transaction(async (tx) => {
    await closeSession(tx, options.sessionId);
    const actor = options.audit.actor;
    if (actor) {
      await recordAudit(tx, options.audit, {
        action: 'auth.sign_out',
        targetType: 'account',
        targetId: actor.accountId,
        summary: { kind: actor.kind, login: displayLogin(actor.kind, actor.login) },
      });
    }
  });
}
