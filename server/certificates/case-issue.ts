import { sql } from 'drizzle-orm';
import type { FormDefinition, FormValues } from '../../common/forms/schema.ts';
import { formFieldTexts, regionCodesOf } from '../../common/forms/texts.ts';
import { type AuditContext, auditRecords, auditRow } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Db } from '../core/db/client.ts';
import type { GatedInsert, GatedUpdate, Guard } from '../core/db/gated.ts';
import { caseHolderAndIssuer } from './holder.ts';
import { issueAuditEntry, sealDraft, supersededAmong } from './issue.ts';
import { type CaseForm, knownFieldValues, needsHeldCertificates } from './known-values.ts';
import { certificates } from './tables.ts';
import type { CertificateField, HolderKind } from './types.ts';
import { findCertificateType } from './views.ts';

const HOLDER_KINDS: HolderKind[] = ['person', 'company'];

/** What a concluded case tells the certificates module. */
export type ConcludedCase = {
  id: string;
  caseNo: string;
  applicantId: string;
  departmentId: string;
  formData: Record<string, unknown>;
  /** The application form as filed (the version's definition, the values kept); null without one. */
  applicationForm?: { definition: FormDefinition; values: FormValues } | null;
  matterName: string;
  result: { type: string; name: string };
};

/** The writes of a certificate issued with a case's conclusion, for the case's guarded statement. */
export type ConclusionCertificate = { writes: (GatedInsert | GatedUpdate)[]; guard: Guard | undefined };

/** The holder's issued certificates of the type are still those read (none issued, changed or revoked since). */
const SAME_CURRENT = sql`(select coalesce(array_agg(c.id order by c.id), '{}') from ${certificates} c
  where c.type_id = ${sql.placeholder('g_type')}::uuid and c.holder_kind = ${sql.placeholder('g_kind')}::text
    and c.holder_login = ${sql.placeholder('g_login')}::text and c.status = 'issued') = ${sql.placeholder('g_ids')}::uuid[]`;

/**
 * The region where the holder operates, as the application form says: a top-level region field
 * bound to the data element regionCode, else the first filled region field. Null when none.
 */
export function operatingRegion(definition: FormDefinition, values: FormValues): string | null {
  const fields = definition.sections.flatMap((s) => s.fields).filter((f) => f.type === 'region');
  const filled = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  const bound = fields.find((f) => f.binding === 'regionCode' && filled(f.key));
  const first = fields.find((f) => filled(f.key));
  return filled((bound ?? first)?.key ?? '') ?? null;
}

/**
 * When a case concludes with a certificate result (办结出证), the certificate of the type named
 * by the result is issued with the conclusion: holder = the applicant, issuer = the case's
 * department, data = what the platform knows of the type's fields (the case's application form
 * through its printed texts (common/forms/texts.ts) and its form data, the holder's other
 * certificates, the legal-entity or population base: see known-values.ts), plus the matter and case
 * number; a field of source `supervisor` names the issuer's department for the region the form says
 * the holder operates in (issuer.ts). Nothing is issued when the result is not a certificate or its type is not
 * registered, or when the applicant's account is no person's or company's active account.
 *
 * Reads before the conclusion's write: in one statement the holder with its other certificates and
 * those of the type, the issuer, the number (taken then) and the seal key (holder.ts, issuer.ts);
 * a base record only when the form and those leave a holder fact open. Gives what the conclusion's statement
 * writes with it: the certificate, the change of those it supersedes to 'changed', the audit record,
 * and a guard that the holder's certificates of the type are still those read: if one was issued,
 * changed or revoked meanwhile, the conclusion misses like a stale version (409) and nothing is written.
 */
export async function certificateOnConclusion(options: {
  db: Db;
  audit: AuditContext;
  concluded: ConcludedCase;
}): Promise<ConclusionCertificate | null> {
  const { db, audit, concluded } = options;
  if (concluded.result.type !== 'certificate') return null;
  const type = await findCertificateType(db, concluded.result.name);
  if (!type) return null;
  const now = new Date();
  const form = concluded.applicationForm ?? null;
  // Whether a field is filled does not depend on a region's name: the codes do until the names are read.
  const given = (names = new Map<string, string>()): CaseForm => ({
    form: form ? formFieldTexts(form.definition, form.values, { regionName: (c) => names.get(c) }) : [],
    formData: concluded.formData,
  });
  const supervised = (type.fields as CertificateField[]).some((f) => f.source === 'supervisor');
  const found = await caseHolderAndIssuer(db, audit, {
    accountId: concluded.applicantId,
    typeId: type.id,
    heldFor: HOLDER_KINDS.filter((kind) => needsHeldCertificates(type, kind, given())),
    sameType: type.supersedeBy !== null,
    organisationId: concluded.departmentId,
    typeCode: type.code,
    year: todayInChina(now).slice(0, 4),
    supervisedIn: supervised && form ? operatingRegion(form.definition, form.values) : null,
    regionCodes: form ? regionCodesOf(form.definition, form.values) : [],
  });
  if (!found) return null;
  const { holder, held, sameType, issuer } = found;
  const known = await knownFieldValues({
    db,
    type,
    holder: { kind: holder.kind, login: holder.login },
    given: given(found.regionNames),
    held,
  });
  const draft = sealDraft({
    type,
    issuer,
    holder,
    data: { matter: concluded.matterName, caseNo: concluded.caseNo, ...known },
    caseId: concluded.id,
    now,
  });
  const replaced = supersededAmong(draft, sameType);
  draft.row.supersedes = replaced[0]?.id ?? null;
  return {
    writes: [
      { table: certificates, rows: [draft.row] },
      {
        table: certificates,
        set: { status: 'changed', supersededBy: draft.row.id },
        ids: replaced.map((c) => c.id),
      },
      { table: auditRecords, rows: [auditRow(audit, issueAuditEntry(draft, replaced))] },
    ],
    guard:
      type.supersedeBy === null
        ? undefined
        : {
            key: 'certificates.same_current',
            sql: SAME_CURRENT,
            values: {
              g_type: type.id,
              g_kind: draft.row.holderKind,
              g_login: draft.row.holderLogin,
              g_ids: sameType.map((c) => c.id).sort(),
            },
          },
  };
}
