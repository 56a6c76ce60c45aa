import { sql } from 'drizzle-orm';
import { keptUnder } from '../../core/caches.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { searchMatters } from './matters.ts';

/** How many days of counts the hot terms add up (today included). */
export const HOT_DAYS = 30;
/** Days kept in search_term_counts; older ones are deleted with the next counts written. */
const KEPT_DAYS = HOT_DAYS + 1;
/** Different terms counted per day at most (the most searched first); later new terms are not counted that day. */
export const TERMS_PER_DAY = 2000;
/** Different terms a process holds before writing them; further new terms wait for the next write. */
const PENDING_TERMS = 500;
/** How long a process gathers counts before writing them in one statement. */
const WRITE_AFTER_MS = 5000;
/** How many hot terms are shown. */
const HOT_TERMS = 8;
/** How long the hot terms are kept before they are added up again. */
const HOT_KEPT_MS = 60_000;

/** The day in China. */
const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * A search as it is counted: spaces collapsed, full-width letters and digits made plain, Latin
 * letters in lower case, 2 to 20 characters. Null for what is not counted: anything shorter or
 * longer, and anything that could name a person or a company (five or more digits in a row, as in
 * ID, phone and case numbers; long runs of letters and digits, as in credit codes; e-mail addresses).
 */
export function countedTerm(q: string): string | null {
  const term = q.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const length = [...term].length;
  if (length < 2 || length > 20) return null;
  if (/\d{5,}/.test(term) || /[a-z0-9]{10,}/.test(term) || term.includes('@')) return null;
  if (!/[\p{L}\p{N}]/u.test(term)) return null;
  return term;
}

type Pending = { counts: Map<string, number>; timer: NodeJS.Timeout | null; writing: Promise<void> | null };

/** The counts each database handle's process gathers before writing them. */
const pending = new WeakMap<object, Pending>();

function pendingOf(db: DbOrTx): Pending {
  let p = pending.get(db);
  if (!p) {
    p = { counts: new Map(), timer: null, writing: null };
    pending.set(db, p);
  }
  return p;
}

/**
 * Counts one search (nothing about who searched is kept). The counts are gathered in this process
 * and written a few seconds later in one statement; `onError` hears of a write that failed.
 */
export function countSearch(db: DbOrTx, q: string, onError: (error: unknown) => void = () => {}): void {
  const term = countedTerm(q);
  if (!term) return;
  const p = pendingOf(db);
  const n = p.counts.get(term);
  if (n === undefined && p.counts.size >= PENDING_TERMS) return;
  p.counts.set(term, (n ?? 0) + 1);
  if (p.timer) return;
  p.timer = setTimeout(() => {
    writeSearchCounts(db).catch(onError);
  }, WRITE_AFTER_MS);
  p.timer.unref();
}

/**
 * Writes the counts gathered so far (at once: on close, and in tests), adding them to today's;
 * new terms only while today has room for them; days older than the hot window are deleted.
 */
export async function writeSearchCounts(db: DbOrTx): Promise<void> {
  const p = pendingOf(db);
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  await p.writing;
  if (p.counts.size === 0) return;
  const entries = [...p.counts];
  p.counts = new Map();
  const terms = sql.param(entries.map(([term]) => term));
  const counts = sql.param(entries.map(([, n]) => n));
  p.writing = db
    .execute(sql`
    WITH today AS (SELECT ${TODAY} AS day),
    input AS (SELECT i.term, i.n, EXISTS (SELECT 1 FROM search_term_counts c, today
        WHERE c.day = today.day AND c.term = i.term) AS known
      FROM unnest(${terms}::text[], ${counts}::int[]) AS i(term, n)),
    room AS (SELECT greatest(0, ${TERMS_PER_DAY} - count(*))::int AS free FROM search_term_counts c, today
      WHERE c.day = today.day),
    chosen AS (SELECT term, n FROM input WHERE known
      UNION ALL (SELECT term, n FROM input WHERE NOT known ORDER BY n DESC, term LIMIT (SELECT free FROM room))),
    purged AS (DELETE FROM search_term_counts WHERE day < (SELECT day FROM today) - ${KEPT_DAYS - 1}::int)
    INSERT INTO search_term_counts (day, term, count)
    SELECT today.day, chosen.term, chosen.n FROM chosen, today
    ON CONFLICT (day, term) DO UPDATE SET count = search_term_counts.count + excluded.count`)
    .then(() => undefined);
  try {
    await p.writing;
  } finally {
    p.writing = null;
  }
}

/**
 * The most searched terms of the last HOT_DAYS days (today included) that find matters now, most
 * searched first: a term people search often that finds nothing is left out.
 */
export async function mostSearched(db: DbOrTx, limit = HOT_TERMS): Promise<string[]> {
  const candidates = await db.execute<{ term: string }>(sql`
    SELECT term FROM search_term_counts WHERE day > ${TODAY} - ${HOT_DAYS}::int
    GROUP BY term ORDER BY sum(count) DESC, term LIMIT ${limit * 3}`);
  const found = await Promise.all(
    candidates.rows.map(
      async ({ term }) => (await searchMatters({ db, q: term, filter: { limit: 1 } })).total > 0,
    ),
  );
  return candidates.rows
    .filter((_, i) => found[i])
    .slice(0, limit)
    .map((r) => r.term);
}

/** The hot terms, kept a minute (a matter published or retired may change which terms find something). */
const keptHot = keptUnder<string[]>({ ttlMs: HOT_KEPT_MS, dependsOn: { implementation: 'all' } });
/** A key per database handle (one in a server; tests have several). */
const handles = new WeakMap<object, string>();
let handleSerial = 0;

/** mostSearched, kept for a minute per database. */
export async function hotSearches(db: DbOrTx): Promise<string[]> {
  let key = handles.get(db);
  if (!key) {
    key = String(++handleSerial);
    handles.set(db, key);
  }
  const hit = keptHot.get(key);
  if (hit) return hit;
  const terms = await mostSearched(db);
  keptHot.set(key, terms);
  return terms;
}

/** Adds counts of searches made on earlier days (`daysAgo`: 0 is today), e.g. the demo's. */
export async function addSearchCounts(
  db: DbOrTx,
  counts: { term: string; daysAgo: number; count: number }[],
): Promise<void> {
  const kept = counts.flatMap((c) => {
    const term = countedTerm(c.term);
    return term && c.count > 0 && c.daysAgo >= 0 && c.daysAgo < KEPT_DAYS ? [{ ...c, term }] : [];
  });
  if (!kept.length) return;
  await db.execute(sql`INSERT INTO search_term_counts (day, term, count)
    SELECT ${TODAY} - i.days_ago, i.term, i.n
    FROM unnest(${sql.param(kept.map((c) => c.term))}::text[], ${sql.param(kept.map((c) => c.daysAgo))}::int[],
      ${sql.param(kept.map((c) => c.count))}::int[]) AS i(term, days_ago, n)
    ON CONFLICT (day, term) DO UPDATE SET count = search_term_counts.count + excluded.count`);
}
