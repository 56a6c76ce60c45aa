import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import pretty from 'pino-pretty';
import type { Config } from '../core/config.ts';

/**
 * One line per request, written when it is answered: method, path, status and time (Fastify
 * writes two JSON objects: received, completed). The query string is left out: it can hold
 * personal data (an ID number looked up at a counter, a progress query code).
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const path = request.url.split('?')[0];
    const line = `${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else reply.log.info(line);
  }
}

/** LOG_FORMAT=auto: readable lines at a terminal, JSON lines otherwise (a log collector, a file). */
export function readableLogs(
  format: Config['logFormat'],
  stdout: { isTTY?: boolean } = process.stdout,
): boolean {
  return format === 'pretty' || (format === 'auto' && stdout.isTTY === true);
}

/** The HTTP server's logger options; `given` (a test's `false`, say) is used as it is. */
export function loggingOf(
  config: Config,
  given?: FastifyServerOptions['logger'],
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (given !== undefined) return { logger: given };
  if (!readableLogs(config.logFormat)) return { logger: { level: config.logLevel } };
  const stream = pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId',
  });
  return { logger: { level: config.logLevel, stream }, logController: new OneLinePerRequest() };
}
