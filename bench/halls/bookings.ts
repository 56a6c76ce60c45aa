import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../../server/accounts/index.ts';
import { benchClient, type Session, summarise } from '../cases/client.ts';
import { spawnServing, startBenchServer } from '../server.ts';
import { bookRaw, type Slot } from './statement.ts';

/**
 * The booking burst: PEOPLE signed-in applicants book one slot of PLACES places at the same moment
 * over HTTP against the real server in another process; exactly PLACES must be booked and the rest
 * refused as full. Beside it in the same run: the same write as raw SQL from this process on a pool
 * of the server's size, and the bare HTTP floor (node:http over that statement).
 * Usage: npm run bench:bookings [-- <people> <places>]
 */
const PEOPLE = Number(process.argv[2] ?? 1000);
const PLACES = Number(process.argv[3] ?? 100);
const PASSWORD = 'bench-pass-2026';
const POOL = 10;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Distinct valid resident ID numbers of 新城区, born on days from 1960 on. */
function idNumber(n: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 500) * 86_400_000);
  const first17 = `610102${born.toISOString().slice(0, 10).replaceAll('-', '')}${String((n % 500) * 2 + 1).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

type Outcome = {
  booked: number;
  full: number;
  other: number;
  firstOther?: string;
  ms: number[];
  wall: number;
};

/** Starts every booking at once and waits for all; each answer timed. */
async function burst(book: () => Promise<{ status: string; ms: number }>[]): Promise<Outcome> {
  const started = performance.now();
  const answers = await Promise.all(book());
  const wall = (performance.now() - started) / 1000;
  const count = (s: string) => answers.filter((a) => a.status === s).length;
  const other = answers.find((a) => a.status !== 'booked' && a.status !== 'full');
  return {
    booked: count('booked'),
    full: count('full'),
    other: answers.length - count('booked') - count('full'),
    firstOther: other?.status,
    ms: answers.map((a) => a.ms),
    wall,
  };
}

/** An HTTP answer as booked (201), full (409 appointment.full) or what else it was. */
const outcome = (status: number, body: unknown) =>
  status === 201
    ? 'booked'
    : status === 409 && (body as { error?: { code?: string } })?.error?.code === 'appointment.full'
      ? 'full'
      : `${status} ${JSON.stringify(body).slice(0, 200)}`;

const started = Date.now();
const server = await startBenchServer({ env: { SIGNIN_IP_MAX_PER_MINUTE: '10000' } });
const client = benchClient(server.url, PEOPLE);
const pool = new pg.Pool({ connectionString: server.db.url, max: POOL });
try {
  const db = server.db.db;
  console.log(`server with the demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const hash = await hashPassword(PASSWORD);
  const logins = Array.from({ length: PEOPLE }, (_, i) => idNumber(i));
  const people = (
    await db.execute<{ id: string; login: string; name: string }>(sql`
      INSERT INTO accounts (kind, login, display_name, password_hash)
      SELECT 'person', login, '压测居民' || n, ${hash}
      FROM jsonb_array_elements_text(${JSON.stringify(logins)}::jsonb) WITH ORDINALITY AS t(login, n)
      RETURNING id, login, display_name AS name`)
  ).rows;
  const signInStarted = Date.now();
  const sessions: Session[] = new Array(PEOPLE);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < PEOPLE) {
        const i = next++;
        sessions[i] = await client.signIn('/api/auth/applicant-login', {
          kind: 'person',
          login: people[i]!.login,
          password: PASSWORD,
        });
      }
    }),
  );
  console.log(
    `${PEOPLE} applicants signed in over HTTP in ${((Date.now() - signInStarted) / 1000).toFixed(0)} s`,
  );

  const [hall] = (
    await db.execute<{ id: string }>(sql`SELECT id FROM halls WHERE name = '西安市政务服务大厅'`)
  ).rows;
  const days = await client.call('GET', `/api/appointments/halls/${hall!.id}/days`, null);
  const day = (days.body as { day: string }[])[0]!.day;
  /** A fresh category of PLACES places for each phase, so that each starts with an empty slot. */
  const slotFor = async (name: string): Promise<Slot> => {
    const [row] = (
      await db.execute<{ id: string }>(sql`
        INSERT INTO appointment_categories (hall_id, name, capacity)
        VALUES (${hall!.id}, ${name}, ${PLACES}) RETURNING id`)
    ).rows;
    return { hallId: hall!.id, categoryId: row!.id, day, start: '10:00' };
  };
  const held = async (slot: Slot) => {
    const [row] = (
      await db.execute<{ counter: number; rows: number }>(sql`
        SELECT (SELECT booked FROM appointment_slots WHERE category_id = ${slot.categoryId}) AS counter,
               (SELECT count(*)::int FROM appointments
                WHERE category_id = ${slot.categoryId} AND status = 'booked') AS rows`)
    ).rows;
    return row!;
  };
  const body = (slot: Slot) => ({ categoryId: slot.categoryId, day: slot.day, start: slot.start });

  const apiSlot = await slotFor('压测窗口（HTTP API）');
  const api = await burst(() =>
    sessions.map(async (s) => {
      const a = await client.call('POST', '/api/appointments', s, body(apiSlot));
      return { status: outcome(a.status, a.body), ms: a.ms };
    }),
  );
  const apiHeld = await held(apiSlot);

  const rawSlot = await slotFor('压测窗口（raw SQL）');
  await pool.query('SELECT 1');
  const raw = await burst(() =>
    people.map(async (p) => {
      const t0 = performance.now();
      const ok = await bookRaw(pool, rawSlot, p).catch((e: Error) => e.message);
      return { status: ok === true ? 'booked' : ok === false ? 'full' : ok, ms: performance.now() - t0 };
    }),
  );
  const rawHeld = await held(rawSlot);

  const floorSlot = await slotFor('压测窗口（HTTP floor）');
  const floor = await spawnServing(
    new URL('./floor-server.ts', import.meta.url).pathname,
    { DATABASE_URL: server.db.url },
    '/health',
  );
  const floorClient = benchClient(floor.url, PEOPLE);
  let floorOutcome: Outcome;
  try {
    floorOutcome = await burst(() =>
      people.map(async (p) => {
        const a = await floorClient.call(
          'POST',
          '/api/appointments',
          { cookie: `yw_floor=${p.id}`, csrfToken: '' },
          body(floorSlot),
        );
        return { status: outcome(a.status, a.body), ms: a.ms };
      }),
    );
  } finally {
    floorClient.close();
    await floor.stop();
  }
  const floorHeld = await held(floorSlot);

  const cell = (v: string | number, w = 9) => String(v).padStart(w);
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `\n${PEOPLE} people book one slot of ${PLACES} places at once (${day} 10:00, 西安市政务服务大厅)\n`,
  );
  console.log(
    `${'phase'.padEnd(34)}${cell('booked')}${cell('full')}${cell('other')}${cell('counter')}${cell('rows')}${cell('p50 ms')}${cell('p95 ms')}${cell('p99 ms')}${cell('max ms')}${cell('wall s')}${cell('req/s')}`,
  );
  const rows: [string, Outcome, { counter: number; rows: number }][] = [
    ['HTTP API (real server)', api, apiHeld],
    [`raw SQL (pg pool of ${POOL})`, raw, rawHeld],
    ['HTTP floor (node:http + raw SQL)', floorOutcome, floorHeld],
  ];
  for (const [name, o, h] of rows) {
    const s = summarise(o.ms);
    console.log(
      `${name.padEnd(34)}${cell(o.booked)}${cell(o.full)}${cell(o.other)}${cell(h.counter)}${cell(h.rows)}${cell(fmt(s.p50))}${cell(fmt(s.p95))}${cell(fmt(s.p99))}${cell(fmt(s.max))}${cell(o.wall.toFixed(2))}${cell((PEOPLE / o.wall).toFixed(0))}`,
    );
    if (o.firstOther) console.log(`  other answer: ${o.firstOther}`);
  }
  const exact = rows.every(
    ([, o, h]) =>
      o.booked === PLACES && o.full === PEOPLE - PLACES && h.counter === PLACES && h.rows === PLACES,
  );
  console.log(
    `\ncapacity ${exact ? 'exact' : 'NOT EXACT'}: ${PLACES} booked, ${PEOPLE - PLACES} refused as full, the slot's counter and its bookings ${PLACES} in every phase`,
  );
  console.log(
    'req/s: answers (booked or refused) per second of the burst; latency from start of the burst to each answer',
  );
  if (!exact) process.exitCode = 1;
} finally {
  client.close();
  await pool.end();
  await server.stop();
}
