import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/http/types.ts';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so the browser asks again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Whether the built web app is there to be served. */
export function hasWebApp(root: string): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

/**
 * Serves the built web app from `root`: the brotli (.br) or gzip (.gz) file written beside each
 * file at build time when the browser accepts it (with `Vary: Accept-Encoding`), hashed assets
 * cached for a year, every other file revalidated.
 */
export async function serveWebApp(app: App, root: string): Promise<void> {
  const assets = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
}

/** A GET of a page of the single-page app (not the API, no file extension): answered with index.html. */
export function wantsPage(request: FastifyRequest): boolean {
  const url = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url);
}

export function sendPage(reply: FastifyReply): FastifyReply {
  return reply.type('text/html').sendFile('index.html');
}
