import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScreenAnswer, ScreenQuery } from '../../common/statistics/api.ts';
import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';
import { screenAnswer, screenRegion } from './screen.ts';
import { screenFingerprint } from './screen-fingerprint.ts';
import { createScreenHub, type ScreenSubscriber } from './screen-hub.ts';

const tags = ['statistics'];
/** Bytes a screen may leave unread; a slower one is dropped (its EventSource reconnects). */
const MAX_UNREAD = 256 * 1024;

export type ScreenRouteOptions = {
  /** Open streams of this process, in all and from one address. */
  maxStreams?: number;
  maxStreamsPerAddress?: number;
  /**
   * How often a watched region's fingerprint is read, how old its full answer may get while that
   * stays the same, and the heartbeat, in milliseconds.
   */
  pollMs?: number;
  fullEveryMs?: number;
  heartbeatMs?: number;
};

const tooMany = () => new AppError('request.rate_limited');

/**
 * The big screen (大屏), public (a wall screen signs in nowhere): its answer, and its live stream of
 * Server-Sent Events (`update` with the whole answer on connect and whenever it changes). Both read
 * the statistics' handle (the read replica when there is one).
 */
export async function screenRoutes(app: App, options: ScreenRouteOptions = {}): Promise<void> {
  const readDb = () => app.deps.readDatabase.db;
  const maxStreams = options.maxStreams ?? 500;
  const maxPerAddress = options.maxStreamsPerAddress ?? 16;
  const open = new Map<string, number>();
  let total = 0;

  const hub = createScreenHub({
    compute: async (code) => screenAnswer(readDb(), await screenRegion(readDb(), code)),
    fingerprint: async (code) => screenFingerprint(readDb(), await screenRegion(readDb(), code)),
    log: (message) => app.log.warn(message),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.fullEveryMs ? { fullEveryMs: options.fullEveryMs } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  // Open streams end before the HTTP server closes: it waits for every open response.
  app.addHook('preClose', async () => hub.endStreams());

  const full = (address: string) => total >= maxStreams || (open.get(address) ?? 0) >= maxPerAddress;
  const opened = (address: string) => {
    total += 1;
    open.set(address, (open.get(address) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      total -= 1;
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    };
  };

  app.get(
    '/screen',
    {
      schema: {
        tags,
        summary:
          '大屏：区划（默认西安市）今日收件与办结、本月与近30天、各下级区划与办结最多的10个部门、大厅等候人数、本月满意率（公开，仅统计数，读自每日汇总）',
        querystring: ScreenQuery,
        response: { 200: ScreenAnswer },
      },
    },
    async (request) => screenAnswer(readDb(), await screenRegion(readDb(), request.query.region)),
  );

  app.get(
    '/screen/stream',
    {
      schema: {
        tags,
        summary:
          '大屏的实时事件流（Server-Sent Events，公开）：连接时一条 update 事件（完整的大屏数据），此后数据变化时再发；每 15 秒一条心跳注释；同一区划的所有大屏共用一次计算',
        querystring: ScreenQuery,
      },
      onRequest: async (request) => {
        if (full(request.ip)) throw tooMany();
      },
    },
    async (request, reply) => {
      const region = await screenRegion(readDb(), request.query.region);
      if (full(request.ip)) throw tooMany();
      stream(request, reply, region.code, opened(request.ip));
    },
  );

  /** Turns the reply into the region's event stream; `release` runs once when it ends. */
  function stream(request: FastifyRequest, reply: FastifyReply, region: string, release: () => void) {
    reply.hijack();
    const raw = reply.raw;
    // The headers set by the app's hooks (security headers), then the stream's own.
    const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
    raw.writeHead(200, {
      ...(Object.fromEntries(set) as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // The socket ends with the stream, so a closing server does not wait for it to idle.
      connection: 'close',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    raw.write('retry: 3000\n\n');
    request.raw.socket?.setNoDelay?.(true);
    let ended = false;
    let unsubscribe = () => {};
    const finish = () => {
      ended = true;
      unsubscribe();
      release();
    };
    const subscriber: ScreenSubscriber = {
      write: (frame) => {
        if (ended) return;
        if (raw.writableLength > MAX_UNREAD) {
          finish();
          raw.destroy();
          return;
        }
        raw.write(frame);
      },
      end: () => {
        if (ended) return;
        finish();
        raw.end();
      },
    };
    raw.on('close', finish);
    unsubscribe = hub.subscribe(region, subscriber);
    if (ended) unsubscribe();
  }
}
