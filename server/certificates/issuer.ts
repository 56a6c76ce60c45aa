import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { AuditContext } from '../audit/index.ts';
import type { Db, DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { organisations } from '../organisations/index.ts';
import { regions } from '../regions/index.ts';
import { activeSealKey, type SealKeyRow } from './keys.ts';
import { certificateNumberCounters as counters, sealKeys } from './tables.ts';

/** What sealing needs of a key. */
export type SealingKey = Pick<SealKeyRow, 'id' | 'organisationId' | 'publicKey' | 'privateKeyEncrypted'>;

/** The issuing organisation of a certificate, the number drawn for it and the key that seals it. */
export type Issuer = {
  organisation: { id: string; name: string; regionCode: string };
  number: string;
  key: SealingKey;
  /** The organisation in charge of the holder's day-to-day supervision (see issuerCtes). */
  supervisor: string;
};

export type IssuerRow = {
  id: string;
  name: string;
  region_code: string;
  prefix: string;
  last: number;
  key_id: string | null;
  public_key: string | null;
  private_key_encrypted: string | null;
  supervisor: string | null;
};

/**
 * The CTEs `o` (the issuing organisation: its name and region code), `n` (the next number of
 * `${CODE}${region}${year}` from the counter, e.g. YYZZ6101002026000001) and `s` (the supervising
 * organisation) of an issue, for a statement of the caller's. A number is drawn only when the
 * organisation exists and `when` holds, and it is never given twice: the counter row is locked until
 * the transaction ends; outside a transaction the number is taken at once, and one drawn for a write
 * that then does not happen stays unused. Select ISSUER_COLUMNS from ISSUER_FROM.
 *
 * The supervising organisation (日常监督管理机构), looked up when `supervisedIn` is given (the region
 * where the holder operates): of the active departments below the issuer in the organisation tree
 * (its branches, 分局 and 监管所, through departments only), the one of the most local region that
 * contains that region; none there: the issuer itself (supervisor null in the row).
 */
export function issuerCtes(options: {
  organisationId: string;
  typeCode: string;
  year: string;
  when?: SQL;
  supervisedIn?: string | null;
}): SQL {
  return sql`o AS (
      SELECT ${organisations.id} AS id, ${organisations.name} AS name, ${organisations.regionCode} AS region_code
        FROM ${organisations} WHERE ${organisations.id} = ${options.organisationId}${options.when ? sql` AND ${options.when}` : sql``}
    ), n AS (
      INSERT INTO ${counters} ("prefix", "last")
        SELECT ${options.typeCode.toUpperCase()}::text || left(o.region_code, 6) || ${options.year}::text, 1 FROM o
        ON CONFLICT ("prefix") DO UPDATE SET "last" = ${counters}."last" + 1
        RETURNING "prefix", "last"
    ), s AS (${options.supervisedIn ? supervisorQuery(options.supervisedIn) : sql`SELECT NULL::text AS name WHERE false`})`;
}

/** The department below the issuer `o` that supervises holders operating in `region` (see issuerCtes). */
function supervisorQuery(region: string): SQL {
  return sql`WITH RECURSIVE below AS (
        SELECT d.id, d.name, d.region_code, d.active FROM ${organisations} d, o
         WHERE d.parent_id = o.id AND d.kind = 'department'
        UNION
        SELECT d.id, d.name, d.region_code, d.active FROM ${organisations} d JOIN below b ON d.parent_id = b.id
         WHERE d.kind = 'department'
      )
      SELECT b.name FROM below b
        JOIN ${regions} covering ON covering.code = b.region_code
        JOIN ${regions} operating ON operating.code = ${region}::text
       WHERE b.active AND (operating.path = covering.path OR operating.path LIKE covering.path || '/%')
       ORDER BY covering.depth DESC, b.name LIMIT 1`;
}

/** The issuer's columns (an IssuerRow), with the organisation's seal key in use and the supervisor. */
export const ISSUER_COLUMNS = sql.raw(
  'o.id, o.name, o.region_code, n.prefix, n.last, k.id AS key_id, k.public_key, k.private_key_encrypted, s.name AS supervisor',
);
export const ISSUER_FROM = sql`o CROSS JOIN n LEFT JOIN s ON true LEFT JOIN ${sealKeys} k ON k.organisation_id = o.id AND k.valid_to IS NULL`;

/**
 * The issuer from an IssuerRow (none: the organisation does not exist). An organisation without
 * a key gets one (keys.ts, audited). Read fresh on every issue, so a rotated key or a renamed
 * organisation applies at once.
 */
export async function issuerOf(
  db: DbOrTx,
  audit: AuditContext,
  row: IssuerRow | undefined | null,
): Promise<Issuer> {
  if (!row) throw new AppError('resource.not_found', { params: { resource: '发证机构' } });
  const key: SealingKey =
    row.key_id && row.public_key && row.private_key_encrypted
      ? {
          id: row.key_id,
          organisationId: row.id,
          publicKey: row.public_key,
          privateKeyEncrypted: row.private_key_encrypted,
        }
      : db instanceof PgTransaction
        ? await activeSealKey(db as Tx, audit, row.id)
        : await (db as Db).transaction((tx) => activeSealKey(tx, audit, row.id));
  return {
    organisation: { id: row.id, name: row.name, regionCode: row.region_code },
    number: `${row.prefix}${String(row.last).padStart(6, '0')}`,
    key,
    supervisor: row.supervisor ?? row.name,
  };
}

/**
 * In one statement: the issuing organisation, the next number and the seal key in use (issuerCtes).
 * It reads the organisation row itself rather than through the organisations module, so that all
 * of it comes in one round trip.
 */
export async function drawIssuer(
  db: DbOrTx,
  audit: AuditContext,
  options: { organisationId: string; typeCode: string; year: string },
): Promise<Issuer> {
  const { rows } = await db.execute<IssuerRow>(
    sql`WITH ${issuerCtes(options)} SELECT ${ISSUER_COLUMNS} FROM ${ISSUER_FROM}`,
  );
  return issuerOf(db, audit, rows[0]);
}
