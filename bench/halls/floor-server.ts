import { floorPool, serveFloor } from '../floor.ts';
import { bookRaw, type Slot } from './statement.ts';

/**
 * The floor under booking over HTTP: POST /api/appointments answered by node:http with the one
 * statement of statement.ts and nothing else (no framework, no session — the cookie names the
 * account —, no checks of day, hours or rules, no audit record). 201 with the booking's id, or 409
 * appointment.full. Env: DATABASE_URL, PORT (see ../floor.ts).
 */
const pool = floorPool();
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

serveFloor(pool, async ({ request, body, account }) => {
  if (request.method !== 'POST' || request.url !== '/api/appointments' || !account) return [404, null];
  const input = JSON.parse(body) as { categoryId: string; day: string; start: string };
  const hallId = halls.get(input.categoryId);
  const name = names.get(account);
  if (!hallId || !name) return [404, { error: { code: 'resource.not_found' } }];
  const slot: Slot = { hallId, categoryId: input.categoryId, day: input.day, start: input.start };
  return (await bookRaw(pool, slot, { id: account, name }))
    ? [201, { id: account }]
    : [409, { error: { code: 'appointment.full' } }];
});
