import { keptUnder } from '../core/caches.ts';
import type { cases } from './tables.ts';

type CaseRow = typeof cases.$inferSelect;

/**
 * Case rows this process wrote or read lately, by id. A transition asked for the version kept
 * here plans from the kept row instead of reading it again: every change of what a plan or the
 * access check uses bumps the version (transition-write.ts), and the write is guarded by id and
 * version, so a row changed since (by any process) makes the write miss, as a stale read would.
 * Only committed rows are kept. The scheduled warning level changes without a version; the
 * write's answer reads it afresh. A change of a case row announced to the cache registry
 * (`changed('case', id)`, core/caches.ts) forgets it.
 */
const KEPT_MS = 10 * 60_000;
const kept = keptUnder<CaseRow>({ ttlMs: KEPT_MS, limit: 20_000, dependsOn: { case: 'key' } });

export function keepCase(row: CaseRow, now = Date.now()): void {
  kept.set(row.id, row, now);
}

/** The kept row of a case at exactly this version, if any. */
export function keptCase(id: string, version: number, now = Date.now()): CaseRow | null {
  const row = kept.get(id, now);
  return row?.version === version ? row : null;
}
