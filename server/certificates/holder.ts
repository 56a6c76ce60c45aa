import { and, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { accounts } from '../accounts/tables.ts';
import { todayInChina } from '../calendar/service.ts';
import type { Tx } from '../db/client.ts';
import type { HeldCertificate } from './known-values.ts';
import { certificates } from './tables.ts';
import type { HolderKind } from './types.ts';

export type CaseHolder = { accountId: string; kind: HolderKind; login: string; name: string };

/**
 * The applicant of a concluded case as the holder of its certificate: an active person or company
 * account (a staff account or a deactivated one holds nothing: null), and, when its kind is in
 * `heldFor`, its current certificates (issued, not expired) of types other than `typeId`, newest
 * first. One statement: it reads the account row itself rather than through the accounts
 * module's loadActor, so that the account and its certificates come in one round trip.
 */
export async function caseHolder(
  tx: Tx,
  options: { accountId: string; typeId: string; heldFor: HolderKind[] },
): Promise<{ holder: CaseHolder; held: HeldCertificate[] } | null> {
  const rows = await tx
    .select({
      accountId: accounts.id,
      kind: accounts.kind,
      login: accounts.login,
      name: accounts.displayName,
      typeId: certificates.typeId,
      data: certificates.data,
    })
    .from(accounts)
    .leftJoin(
      certificates,
      and(
        inArray(accounts.kind, options.heldFor),
        eq(certificates.holderKind, accounts.kind),
        eq(certificates.holderLogin, sql`upper(btrim(${accounts.login}))`),
        eq(certificates.status, 'issued'),
        or(isNull(certificates.validUntil), gte(certificates.validUntil, todayInChina())),
        ne(certificates.typeId, options.typeId),
      ),
    )
    .where(
      and(
        eq(accounts.id, options.accountId),
        eq(accounts.active, true),
        inArray(accounts.kind, ['person', 'company']),
      ),
    )
    .orderBy(desc(certificates.issuedAt));
  const first = rows[0];
  if (!first) return null;
  return {
    holder: {
      accountId: first.accountId,
      kind: first.kind as HolderKind,
      login: first.login,
      name: first.name,
    },
    held: rows.flatMap((r) => (r.typeId && r.data ? [{ typeId: r.typeId, data: r.data }] : [])),
  };
}
