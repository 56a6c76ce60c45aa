import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../common/api.ts';
import { HallScreen, ScreenStreamQuery } from '../../common/tickets/screen.ts';
import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';
import { hallScreen, screenHall } from './screen.ts';
import { createHallFeed } from './stream.ts';

const tags = ['tickets'];
/** Bytes a screen may leave unread; a slower one is dropped and reconnects (it then replays). */
const MAX_UNREAD = 256 * 1024;

/** The Last-Event-ID a reconnecting EventSource sends, else the `after` of the query, else 0. */
function startAfter(request: FastifyRequest<{ Querystring: { after?: number } }>): number {
  const header = request.headers['last-event-id'];
  if (header === undefined || header === '') return request.query.after ?? 0;
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header))
    throw new AppError('validation.field', {
      field: 'Last-Event-ID',
      params: {
        problem: '须为事件编号（非负整数）',
        problemEn: 'must be an event id (a non-negative integer)',
      },
    });
  return Number(header);
}

/**
 * The calling screen's routes, public (a TV signs in nowhere): the screen's data and its live
 * stream. Both show only codes, window numbers, category names and counts.
 */
export async function screenRoutes(app: App) {
  const db = () => app.deps.database.db;
  const feed = createHallFeed({
    db,
    connection: app.deps.database.pool.options,
    log: (message) => app.log.warn(message),
  });
  // Open streams end before the HTTP server closes: it waits for every open response.
  app.addHook('preClose', async () => feed.endStreams());
  app.addHook('onClose', async () => feed.close());

  app.get(
    '/tickets/halls/:id/screen',
    {
      schema: {
        tags,
        summary: '叫号屏：大厅名称、最近 10 次叫号、各类别等候人数、开放窗口（公开，无个人信息）',
        params: IdParams,
        response: { 200: HallScreen },
      },
    },
    async (request) => hallScreen(db(), request.params.id),
  );

  app.get(
    '/tickets/halls/:id/stream',
    {
      schema: {
        tags,
        summary:
          '叫号屏的实时事件流（Server-Sent Events，公开）：每个事件的 id 为号票事件编号，断线重连时按 Last-Event-ID 补发当日之后的事件；每 15 秒一条心跳注释',
        params: IdParams,
        querystring: ScreenStreamQuery,
      },
    },
    async (request, reply) => {
      const after = startAfter(request);
      const hall = await screenHall(db(), request.params.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // The socket ends with the stream, so a closing server does not wait for it to idle.
        connection: 'close',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 3000\n\n');
      let ended = false;
      let unsubscribe = () => {};
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        raw.end();
      };
      const subscriber = {
        write: (frame: string) => {
          if (ended) return;
          if (raw.writableLength > MAX_UNREAD) {
            ended = true;
            unsubscribe();
            raw.destroy();
            return;
          }
          raw.write(frame);
        },
        end,
      };
      request.raw.socket.setNoDelay?.(true);
      raw.on('close', () => {
        ended = true;
        unsubscribe();
      });
      try {
        const remove = await feed.subscribe(hall.id, after, subscriber);
        if (ended) remove();
        else unsubscribe = remove;
      } catch (error) {
        request.log.warn({ err: error }, 'the hall stream could not start');
        end();
      }
    },
  );
}
