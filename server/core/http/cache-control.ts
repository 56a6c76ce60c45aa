import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.ts';

/** What a public answer, the same for everyone and holding nothing personal, may be cached for. */
export const PUBLIC_CACHE = 'public, max-age=60';

/**
 * Answers of the API hold personal data unless a route says otherwise: each carries
 * `Cache-Control: no-store` (kept by no browser, proxy or disk cache, so none outlives a
 * sign-out) unless its route set its own Cache-Control.
 */
export function noStoreByDefault(app: App): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}

/**
 * An onSend hook for the routes of a plugin whose answers are public (the catalogue's guides,
 * search and statistics): a successful answer may be cached for a minute; errors are not.
 */
export async function cachePublicly(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', reply.statusCode === 200 ? PUBLIC_CACHE : 'no-store');
}
