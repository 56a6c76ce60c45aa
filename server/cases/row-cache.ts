import { keptFor } from '../core/kept.ts';
import type { cases } from './tables.ts';

type CaseRow = typeof cases.$inferSelect;

/**
 * Case rows this process wrote or read lately, by id. A transition asked for the version kept
 * here plans from the kept row instead of reading it again: every change of what a plan or the
 * access check uses bumps the version (transition-write.ts), and the write is guarded by id and
 * version, so a row changed since (by any process) makes the write miss, as a stale read would.
 * Only committed rows are kept. The scheduled warning level changes without a version; the
 * write's answer reads it afresh. Nothing needs forgetting: a kept row is used only at the
 * version it has, and every change of a case bumps the version.
 */
const KEPT_MS = 10 * 60_000;
const kept = keptFor<CaseRow>(KEPT_MS, 20_000);

export function keepCase(row: CaseRow, now = Date.now()): void {
  kept.set(row.id, row, now);
}

/** The kept row of a case at exactly this version, if any. */
export function keptCase(id: string, version: number, now = Date.now()): CaseRow | null {
  const row = kept.get(id, now);
  return row?.version === version ? row : null;
}
