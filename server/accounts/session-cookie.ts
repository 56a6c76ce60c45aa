import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/http/types.ts';
import { type NewSession, SESSION_COOKIE } from './sessions.ts';

/** Sets the session cookie of a new session. */
export function setSessionCookie(app: App, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(app: App, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.secureCookies,
    path: '/',
  });
}

/** The user agent of a request, for the session record. */
export function userAgentOf(request: FastifyRequest): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua : null;
}
