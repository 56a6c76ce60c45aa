import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { hashPassword } from '../../server/accounts/index.ts';
import type { Db } from '../../server/core/db/client.ts';
import type { BenchClient, Session } from '../cases/client.ts';
import { insertRateableCases } from './generate.ts';
import { type Measured, measure, timed } from './load.ts';
import { rateRaw, subScoresOf } from './rate.ts';

const PASSWORD = 'bench-pass-2026';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Distinct valid resident ID numbers of 碑林区, born on days from 1970 on. */
function idNumber(n: number): string {
  const born = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 500) * 86_400_000);
  const first17 = `610103${born.toISOString().slice(0, 10).replaceAll('-', '')}${String((n % 500) * 2 + 1).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** `count` applicants (persons) signed in over HTTP, by account id. */
export async function signedInApplicants(db: Db, api: BenchClient, count: number) {
  const hash = await hashPassword(PASSWORD);
  const logins = Array.from({ length: count }, (_, i) => idNumber(i));
  const people = (
    await db.execute<{ id: string; login: string }>(sql`
      INSERT INTO accounts (kind, login, display_name, password_hash)
      SELECT 'person', login, '压测评价人' || n, ${hash}
      FROM jsonb_array_elements_text(${JSON.stringify(logins)}::jsonb) WITH ORDINALITY AS t(login, n)
      RETURNING id, login`)
  ).rows;
  const sessions = new Map<string, Session>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < people.length) {
        const p = people[next++]!;
        sessions.set(
          p.id,
          await api.signIn('/api/auth/applicant-login', {
            kind: 'person',
            login: p.login,
            password: PASSWORD,
          }),
        );
      }
    }),
  );
  return sessions;
}

type Job = { caseId: string; accountId: string; stage: 'accepted' | 'concluded'; level: 4 | 5 };

/** Both stages of `count` fresh concluded cases of the applicants, rated 非常满意 (every 7th 满意). */
async function jobsOf(db: Db, prefix: string, count: number, people: string[], acceptedOn: string) {
  const cases = await insertRateableCases(db, { prefix, count, people, acceptedOn });
  return cases.flatMap((c, i): Job[] =>
    (['accepted', 'concluded'] as const).map((stage) => ({
      caseId: c.id,
      accountId: c.applicantId,
      stage,
      level: i % 7 === 0 ? 4 : 5,
    })),
  );
}

export type SubmitRun = { http: Measured; raw: Measured; floor: Measured; stored: [number, number, number] };

/**
 * Every rating submitted once, three ways, each on its own fresh cases, at the same concurrency: over
 * HTTP by the signed-in applicants (POST /api/ratings/cases/:caseId), as raw SQL on a pool of the
 * server's size, and over HTTP against the floor doing that SQL. `stored` counts the rows afterwards.
 */
export async function measureSubmissions(options: {
  db: Db;
  api: BenchClient;
  floor: BenchClient;
  pool: pg.Pool;
  sessions: Map<string, Session>;
  cases: number;
  concurrency: number;
  /** The day the rated cases were accepted (YYYY-MM-DD, China time). */
  acceptedOn: string;
}): Promise<SubmitRun> {
  const { db, api, pool, sessions, concurrency, acceptedOn } = options;
  const people = [...sessions.keys()];
  const phase = async (prefix: string, submit: (job: Job) => Promise<boolean | string>) => {
    const jobs = await jobsOf(db, prefix, options.cases, people, acceptedOn);
    return measure({
      concurrency,
      count: jobs.length,
      seconds: 3600,
      call: (i) => timed(() => submit(jobs[i]!)),
    });
  };
  const answered = (a: { status: number; body: unknown }) =>
    a.status === 201 || `${a.status} ${JSON.stringify(a.body).slice(0, 200)}`;
  const http = await phase('RA', async (job) =>
    answered(
      await api.call('POST', `/api/ratings/cases/${job.caseId}`, sessions.get(job.accountId)!, {
        stage: job.stage,
        level: job.level,
        subScores: subScoresOf(job.level),
      }),
    ),
  );
  const raw = await phase('RB', async (job) => (await rateRaw(pool, job)) || 'already rated');
  const floor = await phase('RC', async (job) =>
    answered(
      await options.floor.call(
        'POST',
        `/rate/${job.caseId}`,
        { cookie: `yw_floor=${job.accountId}`, csrfToken: '' },
        { stage: job.stage, level: job.level },
      ),
    ),
  );
  const stored = await Promise.all(
    ['RA', 'RB', 'RC'].map(async (prefix) => {
      const { rows } = await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM ratings r JOIN cases c ON c.id = r.case_id WHERE c.case_no LIKE ${`${prefix}-%`}`);
      return rows[0]!.n;
    }),
  );
  return { http, raw, floor, stored: stored as [number, number, number] };
}

/**
 * Months where rating_monthly disagrees with the ratings: each month's department totals (valid and
 * voided), and the province's region row, against the count of the month's ratings. Empty when right.
 */
export async function monthlyMismatches(db: Db) {
  const { rows } = await db.execute<{
    month: string;
    rows: number;
    departments: number;
    province: number;
  }>(sql`
    WITH r AS (SELECT month, count(*)::int AS n FROM ratings GROUP BY month),
    d AS (SELECT month, sum(total + voided)::int AS n FROM rating_monthly WHERE scope_kind = 'department' GROUP BY month),
    p AS (SELECT month, total + voided AS n FROM rating_monthly WHERE scope_kind = 'region' AND scope_id = '610000')
    SELECT r.month::text, r.n AS rows, coalesce(d.n, 0) AS departments, coalesce(p.n, 0) AS province
    FROM r LEFT JOIN d USING (month) LEFT JOIN p USING (month)
    WHERE r.n <> coalesce(d.n, 0) OR r.n <> coalesce(p.n, 0)`);
  return rows;
}
