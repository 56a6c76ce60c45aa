import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.ts';
import { composeOnce } from '../core/db/composed.ts';
import { uploadedBySql } from '../files/index.ts';
import { caseNumberCounters, cases } from './tables.ts';

/**
 * Draws the next case number of a region on a day: `${regionCode}-${yyyymmdd}-${seq6}`. The
 * counter row is updated in one statement outside the submission's transaction (its own commit),
 * so concurrent submissions never draw the same number and do not wait for each other's
 * transactions. A submission that fails after drawing leaves its number unused.
 */
export async function drawCaseNo(db: Db, regionCode: string, day: string): Promise<string> {
  const prefix = `${regionCode}-${day.replaceAll('-', '')}-`;
  const [row] = await composeOnce(db, 'case_number', (d) =>
    d
      .insert(caseNumberCounters)
      .values({ prefix: sql.placeholder('prefix'), last: 1 })
      .onConflictDoUpdate({
        target: caseNumberCounters.prefix,
        set: { last: sql`${caseNumberCounters.last} + 1` },
      })
      .returning({ last: caseNumberCounters.last })
      .prepare('yw_case_number'),
  ).execute({ prefix });
  return `${prefix}${String(row!.last).padStart(6, '0')}`;
}

/**
 * For a submission with an idempotency key or files, in one statement: the case its submitter
 * already filed with that key (and the hash of that request), else the files among `files` the
 * submitter uploaded (submission-materials.ts) and, only when that is all of them, the next case
 * number (drawn as drawCaseNo does). A submission racing another with the same key may draw a
 * number and then find the other's case; that number stays unused.
 */
export async function drawCaseNoForFiling(
  db: Db,
  options: { regionCode: string; day: string; submitterId: string; key: string | null; files: string[] },
): Promise<
  { filed: { id: string; requestHash: string | null } } | { uploaded: string[]; caseNo: string | null }
> {
  const prefix = `${options.regionCode}-${options.day.replaceAll('-', '')}-`;
  const { rows } = await db.execute<{
    filed_id: string | null;
    filed_hash: string | null;
    uploaded: string[];
    last: number | null;
  }>(sql`
    WITH filed AS (
      SELECT ${cases.id} AS id, ${cases.requestHash} AS request_hash FROM ${cases}
       WHERE ${cases.submittedBy} = ${options.submitterId} AND ${cases.idempotencyKey} = ${options.key}
    ), uploaded AS (${uploadedBySql(options.submitterId, options.files)}
    ), drawn AS (
      INSERT INTO ${caseNumberCounters} ("prefix", "last")
        SELECT ${prefix}::text, 1
         WHERE NOT EXISTS (SELECT 1 FROM filed) AND (SELECT count(*) FROM uploaded) = ${options.files.length}
        ON CONFLICT ("prefix") DO UPDATE SET "last" = ${caseNumberCounters}."last" + 1
        RETURNING "last"
    )
    SELECT (SELECT id FROM filed) AS filed_id, (SELECT request_hash FROM filed) AS filed_hash,
           ARRAY(SELECT sha256 FROM uploaded) AS uploaded, (SELECT "last" FROM drawn) AS last`);
  const row = rows[0]!;
  if (row.filed_id) return { filed: { id: row.filed_id, requestHash: row.filed_hash } };
  const caseNo = row.last === null ? null : `${prefix}${String(row.last).padStart(6, '0')}`;
  return { uploaded: row.uploaded, caseNo };
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 6-character code that, with the case number, opens the public progress page. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)];
  return code;
}
