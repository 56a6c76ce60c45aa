import { parseBinding } from '../../common/forms/binding.ts';
import type { FieldText } from '../../common/forms/texts.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type CompanyRecord, findCompany, findPerson, type PersonRecord } from '../registries/index.ts';
import type { CertificateField, HolderKind } from './types.ts';
import { type CertificateTypeRow, typesById } from './views.ts';

/**
 * What the platform already knows of a holder, put on a certificate issued to it: a fact about
 * the holder itself (法定代表人, 住所, 性别 …), recognised on any certificate type by the field's key
 * or label, and where the legal-entity or population base (法人库 / 人口库) holds it.
 * Fields about the licensed thing (经营范围 of a drug licence, 坐落 of a property) are no facts:
 * they never pass from one certificate to another.
 */
type HolderFact = {
  holderKind: HolderKind;
  keys: string[];
  labels: string[];
  company?: (c: CompanyRecord) => string;
  person?: (p: PersonRecord) => string;
};

const FACTS: HolderFact[] = [
  {
    holderKind: 'company',
    keys: ['legalRepresentative'],
    labels: ['法定代表人', '法定代表人（负责人）', '负责人'],
    company: (c) => c.legalRepresentative,
  },
  { holderKind: 'company', keys: [], labels: ['住所'], company: (c) => c.registeredAddress },
  {
    holderKind: 'company',
    keys: ['entityType'],
    labels: ['类型', '企业类型', '主体类型'],
    company: (c) => c.companyType,
  },
  {
    holderKind: 'company',
    keys: ['registeredCapital'],
    labels: ['注册资本'],
    company: (c) => c.registeredCapital,
  },
  { holderKind: 'company', keys: ['establishedOn'], labels: ['成立日期'], company: (c) => c.establishedOn },
  { holderKind: 'company', keys: ['businessScope'], labels: [], company: (c) => c.businessScope },
  {
    holderKind: 'person',
    keys: ['sex'],
    labels: ['性别'],
    person: (p) => (p.sex === 'male' ? '男' : '女'),
  },
  { holderKind: 'person', keys: ['ethnicity'], labels: ['民族'], person: (p) => p.ethnicity },
  { holderKind: 'person', keys: ['birthDate'], labels: ['出生', '出生日期'], person: (p) => p.birthDate },
  { holderKind: 'person', keys: [], labels: ['住址'], person: (p) => p.address },
  { holderKind: 'person', keys: ['nameEn'], labels: ['姓名拼音'] },
];

const normalised = (label: string) => label.replace(/\s+/g, '');

/** The holder fact a certificate field names (法定代表人, 住所 …); null for a field about the licensed thing. */
export function factOf(field: CertificateField, holderKind: HolderKind): HolderFact | null {
  if (field.source) return null;
  const label = normalised(field.label);
  return (
    FACTS.find(
      (f) => f.holderKind === holderKind && (f.keys.includes(field.key) || f.labels.includes(label)),
    ) ?? null
  );
}

/**
 * Whether a type's fields describe its holder. A person's certificate may be about someone else
 * (出生医学证明: the newborn's 性别, with the parent as 申领人): then only a field naming the
 * holder as 姓名 makes it the holder's own.
 */
function describesHolder(type: CertificateTypeRow, holderKind: HolderKind): boolean {
  if (holderKind === 'company') return true;
  return (type.fields as CertificateField[]).some((f) => f.source === 'holderName' && f.label === '姓名');
}

/** A value given in a form or a certificate, trimmed; numbers as text. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  return value.trim() || null;
}

/** One of the holder's current certificates (issued, not expired) of another type. */
export type HeldCertificate = { typeId: string; data: Record<string, string> };

/** The held certificates (newest first) with their types, those that describe the holder. */
async function withTypes(
  db: DbOrTx,
  held: HeldCertificate[],
  holderKind: HolderKind,
): Promise<{ data: Record<string, string>; type: CertificateTypeRow }[]> {
  const types = await typesById(
    db,
    held.map((c) => c.typeId),
  );
  return held
    .map((c) => ({ data: c.data, type: types.get(c.typeId)! }))
    .filter((c) => c.type && describesHolder(c.type, holderKind));
}

/** The value of a holder fact on another certificate, if it carries one. */
function factOnCertificate(
  fact: HolderFact,
  holderKind: HolderKind,
  certificate: { data: Record<string, string>; type: CertificateTypeRow },
): string | null {
  for (const field of certificate.type.fields as CertificateField[]) {
    if (factOf(field, holderKind) === fact) {
      const value = text(certificate.data[field.key]);
      if (value) return value;
    }
  }
  return null;
}

/** What the case says of its application: its form's filled fields as printed, and its plain form data. */
export type CaseForm = {
  /** The application form's filled fields with their texts (common/forms/texts.ts); [] without a form. */
  form: FieldText[];
  /** The case's form data: values by key or label (matters without an application form). */
  formData: Record<string, unknown>;
};

/**
 * The value the case's application form gives a certificate field: the form field of the same key;
 * else one bound to the same data element or certificate field key (`premises`,
 * `certificate:yyzz.legalRepresentative` for legalRepresentative); else one of the same label.
 */
export function fromApplicationForm(field: CertificateField, form: FieldText[]): string | null {
  const bound = (binding: string | undefined) => {
    const parsed = binding ? parseBinding(binding) : null;
    return parsed?.kind === 'element' ? parsed.element : parsed?.field;
  };
  const label = normalised(field.label);
  const found =
    form.find((f) => f.key === field.key) ??
    form.find((f) => bound(f.binding) === field.key) ??
    form.find((f) => normalised(f.label) === label);
  return found ? text(found.text) : null;
}

/**
 * The fields the certificate fills itself, and the values of the others given in the case: by its
 * application form (fromApplicationForm), then by its form data (by the field's key or label).
 */
function fromForm(type: CertificateTypeRow, given: CaseForm) {
  const fields = (type.fields as CertificateField[]).filter((f) => !f.source);
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value =
      fromApplicationForm(field, given.form) ??
      text(given.formData[field.key]) ??
      text(given.formData[field.label]);
    if (value) values[field.key] = value;
  }
  return { fields, values };
}

/** The fields still without a value that name a fact about the holder. */
function openFacts(fields: CertificateField[], values: Record<string, string>, holderKind: HolderKind) {
  return fields
    .filter((f) => !values[f.key])
    .map((field) => ({ field, fact: factOf(field, holderKind) }))
    .filter((x): x is { field: CertificateField; fact: HolderFact } => x.fact !== null);
}

/**
 * Whether knownFieldValues looks at the holder's other certificates: the type describes the
 * holder and the form leaves a fact about the holder open. The caller reads them only then.
 */
export function needsHeldCertificates(
  type: CertificateTypeRow,
  holderKind: HolderKind,
  given: CaseForm,
): boolean {
  if (!describesHolder(type, holderKind)) return false;
  const { fields, values } = fromForm(type, given);
  return openFacts(fields, values, holderKind).length > 0;
}

/**
 * The values of a certificate's fields that the platform knows when it is issued, in this order
 * of precedence: the case's application form (by the field's key, binding or label) and its form
 * data (by key or label); the holder's current
 * certificates of other types (`held`, newest first: the same holder fact); the holder's record
 * in the legal-entity or population base. Fields filled from the holder, issuer and dates
 * (`source`) are left to the issue; a field nobody knows stays out (printed as "—"), never guessed.
 */
export async function knownFieldValues(options: {
  db: DbOrTx;
  type: CertificateTypeRow;
  holder: { kind: HolderKind; login: string };
  given: CaseForm;
  /** The holder's current certificates of other types; read when needsHeldCertificates says so. */
  held: HeldCertificate[];
}): Promise<Record<string, string>> {
  const { db, type, holder } = options;
  const { fields, values } = fromForm(type, options.given);
  if (!describesHolder(type, holder.kind)) return values;
  const open = () => openFacts(fields, values, holder.kind);
  if (open().length === 0) return values;
  const others = await withTypes(db, options.held, holder.kind);
  for (const { field, fact } of open()) {
    for (const certificate of others) {
      const value = factOnCertificate(fact, holder.kind, certificate);
      if (value) {
        values[field.key] = value;
        break;
      }
    }
  }
  const missing = open();
  if (missing.length === 0) return values;
  if (holder.kind === 'company') {
    const company = await findCompany(db, holder.login);
    for (const { field, fact } of missing) {
      const value = company && fact.company ? text(fact.company(company)) : null;
      if (value) values[field.key] = value;
    }
  } else {
    const person = await findPerson(db, holder.login);
    for (const { field, fact } of missing) {
      const value = person && fact.person ? text(fact.person(person)) : null;
      if (value) values[field.key] = value;
    }
  }
  return values;
}
