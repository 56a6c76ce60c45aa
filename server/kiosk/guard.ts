import fp from 'fastify-plugin';
import type { App } from '../core/http/types.ts';
import type { KioskBinding } from './session-cache.ts';
import { checkKioskSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kiosk and hall the applicant's session is bound to; null outside a kiosk session. */
    kiosk: KioskBinding | null;
  }
}

/**
 * After the auth plugin: an applicant session opened at a kiosk holds only while the kiosk
 * session does (idle expiry, time limit, active device). An ended one leaves the request
 * signed out; a live one binds the request to its kiosk (`request.kiosk`).
 */
export const kioskSessionGuard = fp(async (app: App) => {
  app.decorateRequest('kiosk', null);
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (!actor || actor.kind === 'staff' || !request.sessionId) return;
    const state = await checkKioskSession(app.deps.database.db, request.sessionId);
    if (!state) return;
    if ('binding' in state) {
      request.kiosk = state.binding;
      return;
    }
    request.actor = null;
    request.sessionId = null;
    request.csrfToken = null;
  });
});
