import type { Me } from '../../common/me.ts';
import type { AccountKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { describeMe, loadActor } from './actors.ts';
import { displayLogin, normaliseLogin, normalisePhone } from './logins.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { type NewSession, openSession } from './sessions.ts';
import { checkAddressLimit } from './sign-in.ts';
import { accounts } from './tables.ts';
import { isUnclaimedWalkIn } from './walk-in.ts';

export type RegistrationInput = {
  kind: Exclude<AccountKind, 'staff'>;
  login: string;
  displayName: string;
  password: string;
  phone?: string | null;
};

/**
 * Self-registration of an applicant: a person by resident ID number or a company by
 * unified social credit code. Signs the new applicant in.
 */
export async function registerApplicant(options: {
  db: Db;
  config: Config;
  audit: AuditContext;
  input: RegistrationInput;
  userAgent: string | null;
}): Promise<{ me: Me; session: NewSession }> {
  const { db, config, input } = options;
  await checkAddressLimit(options);
  const login = normaliseLogin(input.kind, input.login);
  const displayName = input.displayName.trim();
  if (!displayName) {
    throw new AppError('validation.field', {
      field: 'displayName',
      params: { problem: '不能为空', problemEn: 'must not be empty' },
    });
  }
  const phone = normalisePhone(input.phone);
  checkNewPassword(input.password);
  const passwordHash = await hashPassword(input.password);

  const { accountId, session } = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accounts)
      .values({ kind: input.kind, login, displayName, passwordHash, phone })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (!created) {
      // Opened at a counter without a password: the holder claims it instead (claim.ts).
      if (await isUnclaimedWalkIn(tx, input.kind, login))
        throw new AppError('account.claimable', { field: 'login' });
      throw new AppError('resource.duplicate', { field: 'login', params: { field: '该账号' } });
    }
    const opened = await openSession({
      db: tx,
      accountId: created.id,
      ttlHours: config.sessionTtlHours,
      clientAddress: options.audit.clientAddress,
      userAgent: options.userAgent,
    });
    const self = {
      accountId: created.id,
      kind: input.kind,
      login,
      displayName,
      organisationId: null,
      grants: [{ role: 'applicant' as const, organisationId: null, regionPath: null }],
    };
    await recordAudit(
      tx,
      { ...options.audit, actor: self, role: 'applicant' },
      {
        action: 'account.register',
        targetType: 'account',
        targetId: created.id,
        summary: { kind: input.kind, login: displayLogin(input.kind, login), displayName },
      },
    );
    return { accountId: created.id, session: opened };
  });
  const actor = await loadActor(db, accountId);
  if (!actor) throw new AppError('server.internal');
  return { me: await describeMe(db, actor), session };
}
