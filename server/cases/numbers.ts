import { randomInt } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { cases } from './tables.ts';

const NUMBER_LOCK = 7_262_010;

/**
 * The next case number of a region on a day: `${regionCode}-${yyyymmdd}-${seq6}`. A
 * transaction-scoped advisory lock per region and day serialises concurrent submissions,
 * so two transactions never draw the same sequence number.
 */
export async function nextCaseNo(tx: Tx, regionCode: string, day: string): Promise<string> {
  const prefix = `${regionCode}-${day.replaceAll('-', '')}-`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${prefix}))`);
  const [row] = await tx
    .select({ last: sql<string | null>`max(${cases.caseNo})` })
    .from(cases)
    .where(like(cases.caseNo, `${prefix}%`));
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(6, '0')}`;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 6-character code that, with the case number, opens the public progress page. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)];
  return code;
}
