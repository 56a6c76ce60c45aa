import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { documentOf } from './rows.ts';
import { cases } from './tables.ts';

/**
 * 容缺 hold: while a case accepted with gaps still misses materials, its result is held: no
 * certificate, 准予 decision notice or other result document of it may be downloaded.
 * Answers the names of the missing materials (、-joined), or null when nothing holds the result
 * (no such case, or no gap left).
 */
export async function heldResult(db: DbOrTx, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ gaps: cases.gaps, versionId: cases.versionId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const gaps = (row?.gaps ?? []) as string[];
  if (!row || gaps.length === 0) return null;
  const document = await documentOf(db, row.versionId);
  return gaps.map((key) => document.materials.find((m) => m.key === key)?.name ?? key).join('、');
}
