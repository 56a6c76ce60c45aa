import { type SQL, sql } from 'drizzle-orm';
import { accounts } from '../accounts/index.ts';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Db } from '../core/db/client.ts';
import { regions } from '../regions/index.ts';
import { ISSUER_COLUMNS, ISSUER_FROM, type Issuer, type IssuerRow, issuerCtes, issuerOf } from './issuer.ts';
import type { HeldCertificate } from './known-values.ts';
import { certificates } from './tables.ts';
import type { HolderKind } from './types.ts';

export type CaseHolder = { accountId: string; kind: HolderKind; login: string; name: string };

/** A current (issued) certificate of the holder of the type about to be issued: it may be superseded. */
export type SameTypeCertificate = { id: string; number: string; data: Record<string, string> };

type Row = {
  holder: { account_id: string; kind: HolderKind; login: string; display_name: string } | null;
  certificates: { id: string; number: string; type_id: string; data: Record<string, string> }[];
  issuer: IssuerRow | null;
  region_names: Record<string, string> | null;
};

/** The holder: an active person or company account. */
const holderCte = (accountId: string) => sql`h AS (
    SELECT ${accounts.id} AS account_id, ${accounts.kind} AS kind, ${accounts.login} AS login,
           ${accounts.displayName} AS display_name
      FROM ${accounts}
     WHERE ${accounts.id} = ${accountId} AND ${accounts.active} AND ${accounts.kind} IN ('person', 'company'))`;

/** The holder's certificates that the issue looks at (see caseHolderAndIssuer), newest first. */
const certificatesCte = (options: {
  typeId: string;
  heldFor: HolderKind[];
  sameType: boolean;
}): SQL => sql`c AS (
    SELECT ${certificates.id} AS id, ${certificates.number} AS number, ${certificates.typeId} AS type_id,
           ${certificates.data} AS data, ${certificates.issuedAt} AS issued_at
      FROM h JOIN ${certificates}
        ON ${certificates.holderKind} = h.kind AND ${certificates.holderLogin} = upper(btrim(h.login))
       AND ${certificates.status} = 'issued'
       AND ((${certificates.typeId} = ${options.typeId} AND ${options.sameType}::boolean)
         OR (h.kind = any(${sql.param(options.heldFor)}::text[]) AND ${certificates.typeId} <> ${options.typeId}
             AND (${certificates.validUntil} IS NULL OR ${certificates.validUntil} >= ${todayInChina()}::date))))`;

/** The full names (陕西省西安市新城区) of the region codes a case's form names, by code. */
const regionNamesSql = (codes: string[]): SQL =>
  codes.length === 0
    ? sql`NULL::json`
    : sql`(SELECT json_object_agg(r.code, (SELECT string_agg(a.name, '' ORDER BY a.depth) FROM ${regions} a
             WHERE a.code = any(string_to_array(r.path, '/'))))
         FROM ${regions} r WHERE r.code = any(${sql.param(codes)}::text[]))`;

/**
 * What issuing the certificate of a concluded case reads, in one statement: the applicant as the
 * holder (an active person or company account; a staff account or a deactivated one holds
 * nothing: null); when its kind is in `heldFor`, its current certificates (issued, not expired)
 * of types other than `typeId`; when `sameType`, its issued certificates of `typeId`, which the
 * new one may supersede (newest first); and the issuer with the number drawn and the seal key
 * (issuer.ts), drawn only when there is a holder, with the supervising organisation when
 * `supervisedIn` is given; and the full names of `regionCodes` (those the case's form names). It
 * reads the account row and the regions itself rather than through their modules, so that all of
 * it comes in one round trip.
 */
export async function caseHolderAndIssuer(
  db: Db,
  audit: AuditContext,
  options: {
    accountId: string;
    typeId: string;
    heldFor: HolderKind[];
    sameType: boolean;
    organisationId: string;
    typeCode: string;
    year: string;
    supervisedIn?: string | null;
    regionCodes?: string[];
  },
): Promise<{
  holder: CaseHolder;
  held: HeldCertificate[];
  sameType: SameTypeCertificate[];
  issuer: Issuer;
  regionNames: Map<string, string>;
} | null> {
  const { rows } = await db.execute<Row>(sql`
    WITH ${holderCte(options.accountId)}, ${certificatesCte(options)},
    ${issuerCtes({ ...options, when: sql`EXISTS (SELECT 1 FROM h)` })}
    SELECT (SELECT row_to_json(h) FROM h) AS holder,
           (SELECT coalesce(json_agg(c ORDER BY c.issued_at DESC, c.number DESC), '[]'::json) FROM c) AS certificates,
           (SELECT row_to_json(x) FROM (SELECT ${ISSUER_COLUMNS} FROM ${ISSUER_FROM}) x) AS issuer,
           ${regionNamesSql(options.regionCodes ?? [])} AS region_names`);
  const row = rows[0];
  if (!row?.holder) return null;
  const found = row.certificates;
  return {
    holder: {
      accountId: row.holder.account_id,
      kind: row.holder.kind,
      login: row.holder.login,
      name: row.holder.display_name,
    },
    held: found.filter((c) => c.type_id !== options.typeId).map((c) => ({ typeId: c.type_id, data: c.data })),
    sameType: found
      .filter((c) => c.type_id === options.typeId)
      .map(({ id, number, data }) => ({ id, number, data })),
    issuer: await issuerOf(db, audit, row.issuer),
    regionNames: new Map(Object.entries(row.region_names ?? {})),
  };
}
