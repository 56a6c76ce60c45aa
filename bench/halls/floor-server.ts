import http from 'node:http';
import pg from 'pg';
import { bookRaw, type Slot } from './statement.ts';

/**
 * The floor under booking over HTTP: POST /api/appointments answered by node:http with the one
 * statement of statement.ts and nothing else (no framework, no session — the cookie names the
 * account —, no checks of day, hours or rules, no audit record). 201 with the booking's id, or 409
 * appointment.full. Env: DATABASE_URL, PORT. Answers GET /health when ready.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const halls = new Map(
  (
    await pool.query<{ id: string; hall_id: string }>('SELECT id, hall_id FROM appointment_categories')
  ).rows.map((c) => [c.id, c.hall_id]),
);
const names = new Map(
  (
    await pool.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM accounts WHERE kind = 'person'`,
    )
  ).rows.map((a) => [a.id, a.display_name]),
);

function answer(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function handle(request: http.IncomingMessage, body: string): Promise<[number, unknown]> {
  if (request.url === '/health') return [200, { ok: true }];
  const account = /yw_floor=([0-9a-f-]{36})/.exec(request.headers.cookie ?? '')?.[1];
  if (request.method !== 'POST' || request.url !== '/api/appointments' || !account) return [404, null];
  const input = JSON.parse(body) as { categoryId: string; day: string; start: string };
  const hallId = halls.get(input.categoryId);
  const name = names.get(account);
  if (!hallId || !name) return [404, { error: { code: 'resource.not_found' } }];
  const slot: Slot = { hallId, categoryId: input.categoryId, day: input.day, start: input.start };
  return (await bookRaw(pool, slot, { id: account, name }))
    ? [201, { id: account }]
    : [409, { error: { code: 'appointment.full' } }];
}

const server = http.createServer({ keepAlive: true }, (request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    handle(request, Buffer.concat(chunks).toString('utf8')).then(
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
