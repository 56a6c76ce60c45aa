import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { currentActor, findSession, SESSION_COOKIE } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sign-in starts a session, so it cannot carry the session's token yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/applicant-login']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the session cookie into `request.actor` and enforces CSRF protection on
 * state-changing requests made with a session: they must carry the session's token
 * in the `x-csrf-token` header. Both happen when the request arrives, before its body is read.
 */
export const authPlugin = fp(async (app: App) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { db } = app.deps.database;
    const session = await findSession({ db, token, ttlHours: app.deps.config.sessionTtlHours });
    if (!session) return;
    const actor = await currentActor(db, session.accountId);
    if (!actor) return;
    request.actor = actor;
    request.sessionId = session.id;
    request.csrfToken = session.csrfToken;
    // Before the body is read: a forged request is refused without reading what it sends.
    if (!STATE_CHANGING.has(request.method)) return;
    if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const given = request.headers['x-csrf-token'];
    if (typeof given !== 'string' || !sameToken(given, request.csrfToken)) {
      throw new AppError('auth.csrf_invalid');
    }
  });
});
