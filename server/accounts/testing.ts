import { asc, like } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AuditContext, auditRecords } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import type { GrantInput } from './role-assignments.ts';
import { createStaffAccount } from './service.ts';

export const TEST_AUDIT: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'test',
};
export const TEST_PASSWORD = 'correct horse 1';

let serial = 0;

/** A staff account of an organisation with the given roles; returns its id and login. */
export async function makeStaff(options: {
  db: Db;
  organisationId: string;
  roles?: GrantInput[];
  login?: string;
  displayName?: string;
  phone?: string;
}): Promise<{ id: string; login: string }> {
  const login = options.login ?? `staff${Date.now().toString(36)}${++serial}`;
  const account = await createStaffAccount({
    db: options.db,
    audit: TEST_AUDIT,
    input: {
      login,
      displayName: options.displayName ?? `测试人员${serial}`,
      password: TEST_PASSWORD,
      organisationId: options.organisationId,
      phone: options.phone ?? null,
      roles: options.roles ?? [],
    },
  });
  return { id: account.id, login };
}

/** A signed-in browser: sends the session cookie and, on writes, the CSRF token. */
export type Browser = {
  csrfToken: string;
  cookie: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function signInAs(
  app: App,
  username: string,
  password = TEST_PASSWORD,
  remoteAddress = '127.0.0.1',
): Promise<Browser> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    csrfToken,
    cookie,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { yw_session: cookie, ...options.cookies },
        headers: { 'x-csrf-token': csrfToken, ...options.headers },
      }),
  };
}

/** Audit records whose action starts with `prefix`, oldest first. */
export async function auditTrail(db: Db, prefix: string) {
  return db
    .select()
    .from(auditRecords)
    .where(like(auditRecords.action, `${prefix}%`))
    .orderBy(asc(auditRecords.seq));
}
