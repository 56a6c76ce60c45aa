import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { tokenHashOf } from './devices.ts';
import { kioskSessions } from './tables.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Completes the first 17 digits of a resident ID number with its GB 11643 check character. */
export function withIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** An ID card as the kiosk's reader reads it: sex and birth date from the ID number, valid for good (长期). */
export function idCard(name: string, idNumber: string) {
  const birth = idNumber.slice(6, 14);
  return {
    name,
    idNumber,
    sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    validUntil: '长期',
  };
}

/** The ID card of the demo person 李秀兰. */
export const LI_CARD = idCard('李秀兰', '11010519491231002X');

/** A kiosk with a device token: reads cards and then acts as the applicant it identified. */
export type Kiosk = {
  token: string;
  /** Sends a request with the device token (and, after a card was read, the session). */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Reads a card: POST /api/kiosk/identify; keeps the session on success. */
  identify: (card: Record<string, unknown>) => Promise<LightMyRequestResponse>;
  /** The session cookie and CSRF token of the last successful identify. */
  readonly session: { cookie: string; csrfToken: string } | null;
};

export function kioskOf(app: App, token: string): Kiosk {
  let session: { cookie: string; csrfToken: string } | null = null;
  const request: Kiosk['request'] = (options) =>
    app.inject({
      ...options,
      cookies: session ? { yw_session: session.cookie } : {},
      headers: {
        'x-kiosk-token': token,
        ...(session ? { 'x-csrf-token': session.csrfToken } : {}),
        ...options.headers,
      },
    });
  return {
    token,
    request,
    async identify(card) {
      const res = await request({ method: 'POST', url: '/api/kiosk/identify', payload: card });
      if (res.statusCode === 200) {
        const cookie = res.cookies.find((c) => c.name === 'yw_session');
        assert.ok(cookie, 'identify sets the session cookie');
        session = { cookie: cookie.value, csrfToken: res.json().csrfToken };
      }
      return res;
    },
    get session() {
      return session;
    },
  };
}

/** The kiosk session behind a kiosk's session cookie (sessions are keyed by the token's SHA-256). */
export async function kioskSessionOf(db: Db, kiosk: Kiosk) {
  const [row] = await db
    .select()
    .from(kioskSessions)
    .where(eq(kioskSessions.sessionId, tokenHashOf(kiosk.session!.cookie)));
  return row!;
}
