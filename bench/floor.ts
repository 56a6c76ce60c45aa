import http from 'node:http';
import pg from 'pg';

/** What a floor server's handler is given: the request, its body as text, and the account its cookie names. */
export type FloorRequest = { request: http.IncomingMessage; body: string; account: string | undefined };

/** A floor handler's answer: the status and the JSON body. */
export type FloorAnswer = [number, unknown];

/** The pool a floor server reads and writes through (DATABASE_URL, ten connections). */
export function floorPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
}

function answer(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Serves `handle` with node:http and nothing else on PORT: GET /health answers once listening,
 * the account is the one the yw_floor cookie names (no sessions), a thrown error is a 500.
 * SIGTERM closes the server and `pool`.
 */
export function serveFloor(pool: pg.Pool, handle: (floor: FloorRequest) => Promise<FloorAnswer>): void {
  const server = http.createServer({ keepAlive: true }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (request.url === '/health') return answer(response, 200, { ok: true });
      const account = /yw_floor=([0-9a-f-]{36})/.exec(request.headers.cookie ?? '')?.[1];
      handle({ request, body: Buffer.concat(chunks).toString('utf8'), account }).then(
        ([status, body]) => answer(response, status, body),
        (error: Error) => answer(response, 500, { message: error.message }),
      );
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end();
  });
}
