import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../accounts/index.ts';
import { loadConfig } from '../../core/config.ts';
import type { App } from '../../core/http/types.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { DEMO_KIOSK_TOKEN } from '../../demo/kiosks.ts';
import { seedDemo } from '../../demo/seed.ts';
import { buildApp } from '../../http/app.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { type Caller, SIGNED_IN } from './routes.ts';

/** The header a response carries when the request passed validation and reached its route's handler. */
export const REACHED_HEADER = 'x-fuzz-reached';

/** The routes whose answer is a stream of Server-Sent Events. */
const EVENT_STREAM = /^\/api\/[^?]*\/stream(\?|$)/;

/** The card the demo kiosk reads to open its session. */
export const KIOSK_CARD = {
  name: '李秀兰',
  idNumber: '11010519491231002X',
  sex: '女',
  birthDate: '1949-12-31',
};

const LOGINS: Record<(typeof SIGNED_IN)[number], { kind: 'staff' | 'person' | 'company'; login: string }> = {
  admin: { kind: 'staff', login: 'admin' },
  editor: { kind: 'staff', login: 'editor' },
  clerk: { kind: 'staff', login: 'clerk' },
  reviewer: { kind: 'staff', login: 'reviewer' },
  head: { kind: 'staff', login: 'head' },
  manager: { kind: 'staff', login: 'manager' },
  supervisor: { kind: 'staff', login: 'supervisor' },
  approver: { kind: 'staff', login: 'approver' },
  agent: { kind: 'staff', login: 'agent' },
  hotline: { kind: 'staff', login: 'hotline' },
  person: { kind: 'person', login: '11010519491231002X' },
  company: { kind: 'company', login: '91350100M000100Y43' },
};

type Session = { cookie: string; csrfToken: string };

/**
 * The app under fuzzing on a fresh database with the demo data, a data folder of its own, and a
 * session for each demo sign-in and the demo kiosk, renewed when a fuzzed request ended one.
 */
export type FuzzWorld = {
  app: App;
  db: TestDatabase;
  /** Sends a request as `caller` (session cookie, CSRF header unless `csrf` is false, the kiosk's token). */
  send: (caller: Caller, options: InjectOptions & { csrf?: boolean }) => Promise<LightMyRequestResponse>;
  /**
   * Signs in again every caller in `callers` whose session a request ended (sign-out, lock,
   * deactivation). The kiosk reads its card again, unless a request disabled it or its hall: then its
   * requests go without a session.
   */
  renew: (callers: Iterable<Caller>) => Promise<void>;
  close: () => Promise<void>;
};

export async function createFuzzWorld(): Promise<FuzzWorld> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-fuzz-'));
  const db = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    SIGNIN_IP_MAX_PER_MINUTE: '10000',
    SIGNIN_MAX_FAILURES: '100',
    SWEEP_INTERVAL_SECONDS: '0',
  });
  await seedDemo(db.db, config);
  const app = await buildApp({ config, database: db, logger: false, serveApp: false });
  app.addHook('preHandler', async (_request, reply) => {
    reply.header(REACHED_HEADER, '1');
  });
  await app.ready();

  const sessions = new Map<Caller, Session>();

  async function signIn(caller: (typeof SIGNED_IN)[number]): Promise<void> {
    const { kind, login } = LOGINS[caller];
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: kind === 'staff' ? '/api/auth/login' : '/api/auth/applicant-login',
        payload:
          kind === 'staff'
            ? { username: login, password: DEMO_PASSWORD }
            : { kind, login, password: DEMO_PASSWORD },
      });
    let res = await attempt();
    if (res.statusCode !== 200) {
      // A fuzzed request may have locked the account or reset its password: restore the demo sign-in.
      await db.pool.query(
        'UPDATE accounts SET active = true, failed_sign_ins = 0, locked_until = NULL, password_hash = $2 WHERE login = $1',
        [login, await hashPassword(DEMO_PASSWORD)],
      );
      res = await attempt();
    }
    if (res.statusCode !== 200) throw new Error(`sign-in of ${caller} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
    sessions.set(caller, { cookie, csrfToken: res.json().csrfToken });
  }

  async function openKioskSession(): Promise<void> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/kiosk/identify',
      headers: { 'x-kiosk-token': DEMO_KIOSK_TOKEN },
      payload: KIOSK_CARD,
    });
    if (res.statusCode !== 200)
      throw new Error(`the demo kiosk could not read a card: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
    sessions.set('kiosk', { cookie, csrfToken: res.json().csrfToken });
  }

  const send: FuzzWorld['send'] = (caller, options) => {
    const session = sessions.get(caller);
    const headers: Record<string, string> = {};
    if (caller === 'kiosk') headers['x-kiosk-token'] = DEMO_KIOSK_TOKEN;
    if (session && options.csrf !== false) headers['x-csrf-token'] = session.csrfToken;
    const { csrf: _, ...rest } = options;
    return injected({
      ...rest,
      cookies: session ? { yw_session: session.cookie } : {},
      headers: { ...headers, ...(rest.headers as Record<string, string> | undefined) },
    });
  };

  /**
   * An event stream never ends by itself: such a route's answer is read as a stream, and once its
   * head has come (an event stream) the connection is closed, as a browser leaving would.
   */
  const injected = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    if (!EVENT_STREAM.test(String(options.url))) return app.inject(options);
    const res = await app.inject({ ...options, payloadAsStream: true });
    const chunks: Buffer[] = [];
    if (!String(res.headers['content-type'] ?? '').startsWith('text/event-stream'))
      for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
    res.raw.res.destroy();
    const body = Buffer.concat(chunks).toString();
    return Object.assign(res, { body, payload: body, json: () => JSON.parse(body) });
  };

  const renew: FuzzWorld['renew'] = async (callers) => {
    for (const caller of new Set(callers)) {
      if (caller === 'anonymous') continue;
      const probe = await send(caller, {
        method: 'GET',
        url: caller === 'kiosk' ? '/api/kiosk/session' : '/api/auth/me',
      });
      if (probe.statusCode === 200) continue;
      if (caller === 'kiosk') await openKioskSession().catch(() => sessions.delete('kiosk'));
      else await signIn(caller);
    }
  };

  for (const caller of SIGNED_IN) await signIn(caller);
  await openKioskSession();

  return {
    app,
    db,
    send,
    renew,
    close: async () => {
      await app.close();
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
