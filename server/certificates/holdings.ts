import { and, desc, eq, gte, isNull, or } from 'drizzle-orm';
import { todayInChina } from '../calendar/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { certificates } from './tables.ts';
import type { CertificateView, HolderKind } from './types.ts';
import { findCertificateType, viewsOf } from './views.ts';

/** Current certificates (issued, not expired) of a holder, optionally of one type (by type name or alias). */
export async function holderCertificates(options: {
  db: DbOrTx;
  holderKind: HolderKind;
  holderLogin: string;
  typeName?: string;
}): Promise<CertificateView[]> {
  const { db } = options;
  let typeId: string | undefined;
  if (options.typeName !== undefined) {
    const type = await findCertificateType(db, options.typeName);
    if (!type) return [];
    typeId = type.id;
  }
  const rows = await db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.holderKind, options.holderKind),
        eq(certificates.holderLogin, options.holderLogin.trim().toUpperCase()),
        eq(certificates.status, 'issued'),
        or(isNull(certificates.validUntil), gte(certificates.validUntil, todayInChina())),
        typeId ? eq(certificates.typeId, typeId) : undefined,
      ),
    )
    .orderBy(desc(certificates.issuedAt));
  return viewsOf(db, rows);
}

/** Every certificate of a holder, superseded, revoked and expired ones included (the wallet). */
export async function walletCertificates(options: {
  db: DbOrTx;
  holderKind: HolderKind;
  holderLogin: string;
}): Promise<CertificateView[]> {
  const rows = await options.db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.holderKind, options.holderKind),
        eq(certificates.holderLogin, options.holderLogin.trim().toUpperCase()),
      ),
    )
    .orderBy(desc(certificates.issuedAt));
  return viewsOf(options.db, rows);
}
