import type { Static } from 'typebox';
import type {
  PrefillFound as PrefillFoundSchema,
  PrefillItem as PrefillItemSchema,
  Prefill as PrefillSchema,
} from '../../common/cases/api.ts';
import type { ImplementationDocument, Material } from '../../common/catalogue/guide.ts';
import { maskIdNumber } from '../../common/identity.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { getPublishedGuide } from '../catalogue/index.ts';
import {
  authorisedCertificates,
  type CertificateView,
  findCertificateType,
  holderCertificates,
} from '../certificates/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { prefillForm } from './form-prefill.ts';
import { type EarlierAttachment, earlierAttachments, earlierOf } from './prefill-earlier.ts';
import { companyOnce, type Holder, registryMatchOf } from './prefill-registry.ts';
import { caseSight } from './queries.ts';

export type { Holder } from './prefill-registry.ts';

/** Where a material was filled in from (一次录入、一号匹配): recorded as the attachment's source. */
export type ReuseSource = 'e_certificate' | 'shared_case' | 'registry';
export const REUSE_SOURCES: readonly ReuseSource[] = ['e_certificate', 'shared_case', 'registry'];

/** A material found in a shared source. `ref` names it when the application is submitted. */
export type PrefillFound = Static<typeof PrefillFoundSchema>;

/** One material of the application: found (the first is the suggestion) or to be uploaded. */
export type PrefillItem = Static<typeof PrefillItemSchema>;

/** Materials filled in from a shared source (`found`) and required ones still to upload (`toUpload`). */
export type Prefill = Static<typeof PrefillSchema>;

function certificateFound(c: CertificateView): PrefillFound {
  return {
    source: 'e_certificate',
    ref: c.id,
    label: `${c.typeName}（证照编号 ${c.number}）`,
    certificate: {
      typeName: c.typeName,
      number: c.number,
      issuerName: c.issuerName,
      issuedAt: c.issuedAt,
      validUntil: c.validUntil,
    },
  };
}

function earlierFound(a: EarlierAttachment): PrefillFound {
  return {
    source: 'shared_case',
    ref: a.attachmentId,
    label: a.fileName,
    earlierCase: {
      caseId: a.caseId,
      caseNo: a.caseNo,
      matterName: a.matterName,
      acceptedOn: a.acceptedOn,
      fileName: a.fileName,
      sha256: a.fileSha256,
    },
  };
}

/** The holder's current certificates of the type a material names (its certificate type, else its name). */
async function certificatesFor(
  db: DbOrTx,
  material: Material,
  held: CertificateView[],
): Promise<CertificateView[]> {
  if (held.length === 0) return [];
  const type = await findCertificateType(db, material.certificateType || material.name);
  return type ? held.filter((c) => c.typeName === type.name) : [];
}

/**
 * The holder's current certificates the caller may use: all of them for the holder, those the
 * holder authorised to a staff member's organisation or case (用证授权) for staff.
 */
export async function usableCertificates(options: {
  db: DbOrTx;
  holder: Holder;
  staff?: Actor | null;
}): Promise<CertificateView[]> {
  const { db, holder, staff } = options;
  if (!staff) return holderCertificates({ db, holderKind: holder.kind, holderLogin: holder.login });
  const { items } = await authorisedCertificates({
    db,
    actor: staff,
    caseSight,
    holderKind: holder.kind,
    holderLogin: holder.login,
  });
  return items;
}

/**
 * Fills in the materials of an application from what the platform already holds about the
 * applicant: for an e-certificate material the holder's current certificate of that type; for
 * 营业执照 or identity papers the legal-entity or population base; for any material that exists
 * beyond one application, the file of the same material in an earlier accepted case. The order
 * of the options follows the catalogue's source: a material a department issues is read from
 * the base first, an e-certificate from the certificate library first.
 */
export async function prefillMaterials(options: {
  db: DbOrTx;
  document: ImplementationDocument;
  implementationId: string;
  holder: Holder;
  /** The applicant's account when there is one (a first visit at a counter has none yet). */
  applicantId: string | null;
  /**
   * Staff filling in someone else's application (a clerk, an agent): certificates are used only
   * where the holder authorised them for the staff member's organisation or case (用证授权).
   */
  staff?: Actor | null;
  /** The certificates the caller may use (usableCertificates), when already read. */
  certificates?: CertificateView[];
}): Promise<Prefill> {
  const { db, document, holder, staff } = options;
  const [held, earlier] = await Promise.all([
    options.certificates ?? usableCertificates({ db, holder, staff }),
    options.applicantId ? earlierAttachments(db, options.applicantId) : Promise.resolve([]),
  ]);
  // The materials the application form stands for (the 申请书): filled in, never uploaded.
  const covered = new Set(document.form?.covers ?? []);
  const company = companyOnce(db, holder);
  const items: PrefillItem[] = [];
  for (const material of document.materials) {
    const certs = (await certificatesFor(db, material, held)).map(certificateFound);
    const base = await registryMatchOf(db, material, holder, company);
    const registry: PrefillFound[] = base
      ? [
          {
            source: 'registry',
            ref: base.registry,
            label: base.label,
            registry: base.registry,
            fields: base.fields,
          },
        ]
      : [];
    const cases = earlierOf(material, options.implementationId, earlier).slice(0, 3).map(earlierFound);
    const ordered =
      material.source === 'department'
        ? [...registry, ...certs, ...cases]
        : [...certs, ...registry, ...cases];
    items.push({
      key: material.key,
      name: material.name,
      materialSource: material.source,
      required: material.required,
      found: ordered[0] ?? null,
      options: ordered,
      ...(covered.has(material.key) ? { coveredByForm: true } : {}),
    });
  }
  const found = items.filter((i) => i.found).length;
  const toUpload = items.filter(
    (i, n) => i.required && !i.found && !i.coveredByForm && !document.materials[n]!.gapAllowed,
  ).length;
  return { items, found, toUpload };
}

/**
 * The prefill of an application to the published version of an implementation. Staff (a clerk
 * at the counter, an agent) look up someone else: each such look-up is audited, with the ID
 * number masked.
 */
export async function prefillApplication(options: {
  db: Db;
  implementationId: string;
  holder: Holder;
  applicantId: string | null;
  /** Given when staff look up an applicant: the look-up is audited and certificates need 用证授权. */
  staff?: { actor: Actor; audit: AuditContext };
}): Promise<Prefill & { implementationId: string; versionNo: number }> {
  const { db, holder } = options;
  const guide = await getPublishedGuide(db, options.implementationId);
  const certificates = await usableCertificates({ db, holder, staff: options.staff?.actor ?? null });
  const definition = guide.document.form;
  const [prefill, form] = await Promise.all([
    prefillMaterials({
      db,
      document: guide.document,
      implementationId: options.implementationId,
      holder,
      applicantId: options.applicantId,
      staff: options.staff?.actor ?? null,
      certificates,
    }),
    definition
      ? prefillForm({ db, definition, holder, applicantId: options.applicantId, certificates })
      : Promise.resolve(null),
  ]);
  if (options.staff) {
    const audit = options.staff.audit;
    await db.transaction((tx) =>
      recordAudit(tx, audit, {
        action: 'case.prefill_lookup',
        targetType: 'applicant',
        targetId: options.applicantId,
        summary: {
          kind: holder.kind,
          login: holder.kind === 'person' ? maskIdNumber(holder.login) : holder.login,
          implementationId: options.implementationId,
          found: prefill.items.flatMap((i) => (i.found ? [{ key: i.key, source: i.found.source }] : [])),
          ...(form
            ? { formFields: Object.entries(form.sources).map(([key, s]) => ({ key, source: s.source })) }
            : {}),
        },
      }),
    );
  }
  return { ...prefill, form, implementationId: options.implementationId, versionNo: guide.versionNo };
}
