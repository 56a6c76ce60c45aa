import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { maskPhone } from '../../common/identity.ts';
import type { Me } from '../../common/me.ts';
import type { AccountKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Config } from '../core/config.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { AppError, type ErrorCode } from '../core/errors.ts';
import { describeMe, loadActor } from './actors.ts';
import { displayLogin, isMobile, normaliseLogin } from './logins.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { type NewSession, openSession } from './sessions.ts';
import { checkAddressLimit } from './sign-in.ts';
import { accountClaims, accounts } from './tables.ts';
import { countAttempt } from './throttle.ts';
import { UNCLAIMED } from './walk-in.ts';

/** How long a code is valid, how many wrong codes it takes, how soon another may be sent. */
/**
 * Sends a one-time code by SMS now, in the caller's transaction, and records it: handed in by
 * whoever assembles the app (the notifications module's sendSms), so that accounts need not know it.
 */
export type SendCode = (message: {
  db: Tx;
  accountId: string;
  phone: string;
  title: string;
  body: string;
  subject: Record<string, unknown>;
}) => Promise<{ status: string }>;

export const CLAIM_CODE_MINUTES = 10;
export const CLAIM_MAX_ATTEMPTS = 5;
export const CLAIM_RESEND_SECONDS = 60;

type ApplicantKind = Exclude<AccountKind, 'staff'>;
type Options = { db: Db; config: Config; audit: AuditContext };

/** Names compared as a person would: full-width and half-width alike, spaces ignored. */
const sameName = (a: string, b: string) => {
  const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return plain(a) === plain(b);
};

const codeHash = (claimId: string, code: string) =>
  createHash('sha256').update(`${claimId}:${code}`).digest('hex');

function codeMatches(claimId: string, stored: string, code: string): boolean {
  const given = Buffer.from(codeHash(claimId, code), 'hex');
  const expected = Buffer.from(stored, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function auditRefusal(tx: Tx, audit: AuditContext, accountId: string | null, summary: object) {
  await recordAudit(tx, audit, {
    action: 'account.claim_refused',
    targetType: 'account',
    targetId: accountId,
    summary: { ...summary },
  });
}

/**
 * First step of claiming a walk-in account: the number and the name recorded at the counter.
 * A one-time code goes by SMS to the phone recorded there. Any mismatch (unknown number, other
 * name, an account that has a password) answers the same; only someone who knows both learns
 * that no phone is on record. Throttled per client address and per number like sign-in.
 */
export async function startClaim(
  options: Options & {
    input: { kind: ApplicantKind; login: string; displayName: string };
    sendCode: SendCode;
  },
): Promise<{ claimId: string; phone: string; expiresAt: string }> {
  const { db, config, audit, input } = options;
  await checkAddressLimit(options);
  const login = normaliseLogin(input.kind, input.login);
  const shown = { kind: input.kind, login: displayLogin(input.kind, login) };
  const tries = await countAttempt(db, `claim:${input.kind}:${login}`, config.signIn.lockMinutes * 60);
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.kind, input.kind), eq(accounts.login, login)));
  const refuse = async (reason: string, code: ErrorCode): Promise<never> => {
    await db.transaction((tx) => auditRefusal(tx, audit, account?.id ?? null, { ...shown, reason }));
    throw new AppError(code);
  };
  if (tries > config.signIn.maxFailures) return refuse('throttled', 'request.rate_limited');
  if (!account || account.passwordHash !== UNCLAIMED || !account.active) {
    return refuse(account ? 'not_claimable' : 'unknown_number', 'account.claim_failed');
  }
  if (!sameName(account.displayName, input.displayName))
    return refuse('name_mismatch', 'account.claim_failed');
  const phone = account.phone;
  if (!phone || !isMobile(phone)) return refuse('no_mobile_phone', 'account.claim_no_phone');
  const [recent] = await db
    .select({ id: accountClaims.id })
    .from(accountClaims)
    .where(
      and(
        eq(accountClaims.accountId, account.id),
        gt(accountClaims.createdAt, sql`now() - make_interval(secs => ${CLAIM_RESEND_SECONDS})`),
      ),
    );
  if (recent) return refuse('resent_too_soon', 'request.rate_limited');

  const claimId = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CLAIM_CODE_MINUTES * 60_000);
  const sent = await db.transaction(async (tx) => {
    // A new code replaces any earlier one.
    await tx
      .update(accountClaims)
      .set({ expiresAt: sql`now()` })
      .where(and(eq(accountClaims.accountId, account.id), isNull(accountClaims.usedAt)));
    await tx
      .insert(accountClaims)
      .values({ id: claimId, accountId: account.id, codeHash: codeHash(claimId, code), phone, expiresAt });
    const sms = await options.sendCode({
      db: tx,
      accountId: account.id,
      phone,
      title: '账号认领验证码',
      body: `验证码 ${code}，用于认领您在政务服务窗口登记的账号并设置密码，${CLAIM_CODE_MINUTES} 分钟内有效，请勿告知他人。`,
      subject: { claimId, event: 'account.claim' },
    });
    await recordAudit(tx, audit, {
      action: 'account.claim_code_sent',
      targetType: 'account',
      targetId: account.id,
      summary: { ...shown, claimId, phone: maskPhone(phone), sms: sms.status },
    });
    return sms.status === 'sent';
  });
  if (!sent) throw new AppError('server.unavailable');
  return { claimId, phone: maskPhone(phone), expiresAt: expiresAt.toISOString() };
}

type Outcome = { refused: ErrorCode; left?: number } | { accountId: string; session: NewSession };

/**
 * Second step: the code from the SMS and the new password. The right code sets the password
 * (the account is claimed) and signs the holder in; a wrong one counts against the code's
 * attempts. Expired, used up or replaced codes answer so; every outcome is audited.
 */
export async function completeClaim(
  options: Options & {
    input: { claimId: string; code: string; password: string };
    userAgent: string | null;
  },
): Promise<{ me: Me; session: NewSession }> {
  const { db, config, audit, input } = options;
  await checkAddressLimit(options);
  checkNewPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [claim] = await tx
      .select()
      .from(accountClaims)
      .where(eq(accountClaims.id, input.claimId))
      .for('update');
    const refuse = async (reason: string, refused: ErrorCode, left?: number): Promise<Outcome> => {
      await auditRefusal(tx, audit, claim?.accountId ?? null, { claimId: input.claimId, reason });
      return { refused, left };
    };
    if (!claim || claim.usedAt) return refuse(claim ? 'code_used' : 'unknown_claim', 'account.claim_failed');
    if (claim.attempts >= CLAIM_MAX_ATTEMPTS)
      return refuse('attempts_exhausted', 'account.claim_attempts_exhausted');
    if (claim.expiresAt <= new Date()) return refuse('code_expired', 'account.claim_code_expired');
    const right = codeMatches(claim.id, claim.codeHash, input.code);
    await tx
      .update(accountClaims)
      .set({ attempts: claim.attempts + 1, ...(right ? { usedAt: new Date() } : {}) })
      .where(eq(accountClaims.id, claim.id));
    if (!right) {
      const left = CLAIM_MAX_ATTEMPTS - claim.attempts - 1;
      return left > 0
        ? refuse('wrong_code', 'account.claim_code_invalid', left)
        : refuse('wrong_code', 'account.claim_attempts_exhausted');
    }
    const [account] = await tx
      .update(accounts)
      .set({
        passwordHash,
        failedSignIns: 0,
        lockedUntil: null,
        lastSignInAt: new Date(),
        version: sql`${accounts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(accounts.id, claim.accountId), eq(accounts.passwordHash, UNCLAIMED)))
      .returning();
    if (!account) return refuse('already_claimed', 'account.claim_failed');
    const session = await openSession({
      db: tx,
      accountId: account.id,
      ttlHours: config.sessionTtlHours,
      clientAddress: audit.clientAddress,
      userAgent: options.userAgent,
    });
    const self: Actor = {
      accountId: account.id,
      kind: account.kind as ApplicantKind,
      login: account.login,
      displayName: account.displayName,
      organisationId: null,
      grants: [{ role: 'applicant', organisationId: null, regionPath: null }],
    };
    await recordAudit(
      tx,
      { ...audit, actor: self, role: 'applicant' },
      {
        action: 'account.claim',
        targetType: 'account',
        targetId: account.id,
        summary: {
          kind: account.kind,
          login: displayLogin(account.kind, account.login),
          claimId: claim.id,
          phone: maskPhone(claim.phone),
        },
      },
    );
    return { accountId: account.id, session };
  });
  if ('refused' in outcome) {
    throw new AppError(outcome.refused, outcome.left === undefined ? {} : { params: { left: outcome.left } });
  }
  const actor = await loadActor(db, outcome.accountId);
  if (!actor) throw new AppError('server.internal');
  return { me: await describeMe(db, actor), session: outcome.session };
}
