import { and, desc, eq, gte, isNull, ne, or, sql } from 'drizzle-orm';
import { accounts } from '../accounts/tables.ts';
import { todayInChina } from '../calendar/service.ts';
import type { Db } from '../db/client.ts';
import { reuse } from '../db/reuse.ts';
import type { HeldCertificate } from './known-values.ts';
import { certificates } from './tables.ts';
import type { HolderKind } from './types.ts';

export type CaseHolder = { accountId: string; kind: HolderKind; login: string; name: string };

/** A current (issued) certificate of the holder of the type about to be issued: it may be superseded. */
export type SameTypeCertificate = {
  id: string;
  number: string;
  issuedAt: Date;
  data: Record<string, string>;
};

const holderQuery = (db: Db) =>
  db
    .select({
      accountId: accounts.id,
      kind: accounts.kind,
      login: accounts.login,
      name: accounts.displayName,
      id: certificates.id,
      number: certificates.number,
      issuedAt: certificates.issuedAt,
      typeId: certificates.typeId,
      data: certificates.data,
    })
    .from(accounts)
    .leftJoin(
      certificates,
      and(
        eq(certificates.holderKind, accounts.kind),
        eq(certificates.holderLogin, sql`upper(btrim(${accounts.login}))`),
        eq(certificates.status, 'issued'),
        or(
          and(
            eq(certificates.typeId, sql.placeholder('typeId')),
            sql`${sql.placeholder('sameType')}::boolean`,
          ),
          and(
            sql`${accounts.kind} = any(${sql.placeholder('heldFor')}::text[])`,
            ne(certificates.typeId, sql.placeholder('typeId')),
            or(isNull(certificates.validUntil), gte(certificates.validUntil, sql.placeholder('today'))),
          ),
        ),
      ),
    )
    .where(
      and(
        eq(accounts.id, sql.placeholder('accountId')),
        eq(accounts.active, true),
        sql`${accounts.kind} in ('person', 'company')`,
      ),
    )
    .orderBy(desc(certificates.issuedAt), desc(certificates.number))
    .prepare('yw_case_holder');

/**
 * The applicant of a concluded case as the holder of its certificate: an active person or company
 * account (a staff account or a deactivated one holds nothing: null); when its kind is in
 * `heldFor`, its current certificates (issued, not expired) of types other than `typeId`; when
 * `sameType`, its issued certificates of `typeId`, which the new one may supersede. Newest first.
 * One statement: it reads the account row itself rather than through the accounts module's
 * loadActor, so that the account and its certificates come in one round trip.
 */
export async function caseHolder(
  db: Db,
  options: { accountId: string; typeId: string; heldFor: HolderKind[]; sameType: boolean },
): Promise<{ holder: CaseHolder; held: HeldCertificate[]; sameType: SameTypeCertificate[] } | null> {
  const rows = await reuse(db, 'case_holder', holderQuery).execute({
    accountId: options.accountId,
    typeId: options.typeId,
    heldFor: options.heldFor,
    sameType: options.sameType,
    today: todayInChina(),
  });
  const first = rows[0];
  if (!first) return null;
  const found = rows.flatMap((r) =>
    r.id && r.typeId && r.data && r.number && r.issuedAt
      ? [{ id: r.id, number: r.number, issuedAt: r.issuedAt, typeId: r.typeId, data: r.data }]
      : [],
  );
  return {
    holder: {
      accountId: first.accountId,
      kind: first.kind as HolderKind,
      login: first.login,
      name: first.name,
    },
    held: found.filter((c) => c.typeId !== options.typeId).map(({ typeId, data }) => ({ typeId, data })),
    sameType: found
      .filter((c) => c.typeId === options.typeId)
      .map(({ id, number, issuedAt, data }) => ({ id, number, issuedAt, data })),
  };
}
