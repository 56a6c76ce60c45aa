import { and, desc, eq, isNotNull, notInArray } from 'drizzle-orm';
import type { FieldSourceKind } from '../../common/forms/api.ts';
import { type ParsedBinding, parseBinding } from '../../common/forms/binding.ts';
import type { FormElementKey } from '../../common/forms/elements.ts';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { accounts, isMobile } from '../accounts/index.ts';
import type { CertificateView } from '../certificates/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type CompanyRecord, findCompany, findPerson, type PersonRecord } from '../registries/index.ts';
import type { Holder } from './prefill-registry.ts';
import { documentOf } from './rows.ts';
import { cases } from './tables.ts';

/*
 * What the platform already holds about an applicant, as candidate values of a form field's
 * binding (智能预填), in the order they are offered: the holder's current certificates, the
 * legal-entity or population base (法人库 / 人口库), the account's profile, earlier cases.
 */

/** A value offered for a binding and where it came from (the label the user reads). */
export type Candidate = { source: FieldSourceKind; label: string; value: unknown };

/** The account's own data: its name, verified number (credit code or ID number), phone and e-mail. */
export type Profile = { displayName: string; login: string; phone: string | null; email: string | null };

/** The latest filed value of each binding in the applicant's earlier forms. */
type EarlierValues = Map<string, Candidate>;

/** Everything read about the holder, once per prefill. */
export type HolderData = {
  holder: Holder;
  certificates: CertificateView[];
  company: CompanyRecord | null;
  person: PersonRecord | null;
  profile: Profile | null;
  earlier: EarlierValues;
};

const ACTIVE = ['存续', '在业'];

/** How many of the applicant's latest forms are looked at. */
const LOOK_BACK = 20;
/** Earlier cases whose values are not to be trusted again (a false promise). */
const NOT_REUSABLE = ['revoked'];

/** The profile of an applicant account. */
async function profileOf(db: DbOrTx, accountId: string): Promise<Profile | null> {
  const [row] = await db
    .select({
      displayName: accounts.displayName,
      login: accounts.login,
      phone: accounts.phone,
      email: accounts.email,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ?? null;
}

/** The bindings of a definition's top-level fields, by key. */
function bindingsOf(definition: FormDefinition | undefined): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const section of definition?.sections ?? [])
    for (const field of section.fields) if (field.binding) bindings.set(field.key, field.binding);
  return bindings;
}

/**
 * The latest value the applicant filed for each binding: the forms of the applicant's last cases,
 * newest first, each read with its version's definition (the field's binding).
 */
async function earlierValues(db: DbOrTx, applicantId: string): Promise<EarlierValues> {
  const rows = await db
    .select({ caseNo: cases.caseNo, versionId: cases.versionId, form: cases.form })
    .from(cases)
    .where(
      and(eq(cases.applicantId, applicantId), isNotNull(cases.form), notInArray(cases.status, NOT_REUSABLE)),
    )
    .orderBy(desc(cases.submittedAt), desc(cases.id))
    .limit(LOOK_BACK);
  const found: EarlierValues = new Map();
  for (const row of rows) {
    const values = (row.form as { values?: Record<string, unknown> } | null)?.values ?? {};
    const document = await documentOf(db, row.versionId);
    for (const [key, binding] of bindingsOf(document.form)) {
      if (found.has(binding) || !Object.hasOwn(values, key)) continue;
      found.set(binding, { source: 'earlier_case', label: `办件 ${row.caseNo}`, value: values[key] });
    }
  }
  return found;
}

/** Reads what the platform holds about the holder; the certificates are those the caller may use. */
export async function readHolderData(options: {
  db: DbOrTx;
  holder: Holder;
  applicantId: string | null;
  certificates: CertificateView[];
}): Promise<HolderData> {
  const { db, holder, applicantId } = options;
  const [company, person, profile, earlier] = await Promise.all([
    holder.kind === 'company' ? findCompany(db, holder.login) : Promise.resolve(null),
    holder.kind === 'person' ? findPerson(db, holder.login) : Promise.resolve(null),
    applicantId ? profileOf(db, applicantId) : Promise.resolve(null),
    applicantId ? earlierValues(db, applicantId) : Promise.resolve(new Map() as EarlierValues),
  ]);
  return {
    holder,
    certificates: options.certificates,
    company: company && ACTIVE.includes(company.status) ? company : null,
    person,
    profile,
    earlier,
  };
}

/**
 * The certificate fields that state a fact about their holder, by data element: a company's
 * licence names its representative, capital, 住所; a person's card its sex, birth date, 住址.
 * A field counts only with one of the labels given (住所 is the company's, 坐落 a property's).
 */
const CERTIFICATE_FIELDS: Partial<
  Record<FormElementKey, { kind: Holder['kind']; key: string; labels?: string[] }>
> = {
  legalRepresentative: { kind: 'company', key: 'legalRepresentative' },
  entityType: { kind: 'company', key: 'entityType' },
  registeredCapital: { kind: 'company', key: 'registeredCapital' },
  establishedOn: { kind: 'company', key: 'establishedOn' },
  businessTerm: { kind: 'company', key: 'businessTerm' },
  registeredAddress: { kind: 'company', key: 'address', labels: ['住所'] },
  businessScope: { kind: 'company', key: 'businessScope', labels: ['经营范围'] },
  premises: { kind: 'company', key: 'premises', labels: ['经营场所'] },
  personSex: { kind: 'person', key: 'sex', labels: ['性别'] },
  personEthnicity: { kind: 'person', key: 'ethnicity', labels: ['民族'] },
  personBirthDate: { kind: 'person', key: 'birthDate', labels: ['出生', '出生日期'] },
  personAddress: { kind: 'person', key: 'address', labels: ['住址'] },
};

/** The element a certificate field stands for, so that the bases and the profile can answer it too. */
function elementOfCertificateField(kind: Holder['kind'], field: string): FormElementKey | null {
  if (field === 'name') return kind === 'company' ? 'entityName' : 'personName';
  if (field === 'creditCode' && kind === 'company') return 'creditCode';
  if (field === 'idNumber' && kind === 'person') return 'personIdNumber';
  for (const [element, f] of Object.entries(CERTIFICATE_FIELDS))
    if (f.kind === kind && f.key === field) return element as FormElementKey;
  return null;
}

const certificateLabel = (c: CertificateView) => `${c.typeName}（证照编号 ${c.number}）`;

/** Whether a person's certificate is about its holder (出生医学证明 is about the newborn). */
const aboutHolder = (c: CertificateView) =>
  c.holderKind === 'company' || c.fields.some((f) => f.key === 'name' && f.label === '姓名');

function fromCertificates(element: FormElementKey, data: HolderData): Candidate[] {
  const { holder } = data;
  const held = data.certificates.filter((c) => c.holderKind === holder.kind && aboutHolder(c));
  const found = (c: CertificateView, value: unknown): Candidate => ({
    source: 'certificate',
    label: certificateLabel(c),
    value,
  });
  if (element === (holder.kind === 'company' ? 'entityName' : 'personName'))
    return held.map((c) => found(c, c.holderName));
  if (element === (holder.kind === 'company' ? 'creditCode' : 'personIdNumber'))
    return held.map((c) => found(c, holder.login));
  const wanted = CERTIFICATE_FIELDS[element];
  if (!wanted || wanted.kind !== holder.kind) return [];
  return held.flatMap((c) => {
    const field = c.fields.find((f) => f.key === wanted.key);
    if (!field || (wanted.labels && !wanted.labels.includes(field.label.replace(/\s+/g, '')))) return [];
    return c.data[wanted.key] ? [found(c, c.data[wanted.key])] : [];
  });
}

/** A company's facts in the legal-entity base (法人库). */
function fromCompany(element: FormElementKey, c: CompanyRecord): Candidate[] {
  const at = (value: string | null, label = '法人库'): Candidate[] =>
    value ? [{ source: 'legal_entity', label, value }] : [];
  switch (element) {
    case 'entityName':
      return at(c.name);
    case 'creditCode':
      return at(c.creditCode);
    case 'entityType':
      return at(c.companyType);
    case 'legalRepresentative':
      return at(c.legalRepresentative);
    case 'legalRepresentativeIdNumber':
      return at(c.legalRepresentativeIdNumber);
    case 'registeredCapital':
      return at(c.registeredCapital);
    case 'establishedOn':
      return at(c.establishedOn);
    case 'registeredAddress':
      return at(c.registeredAddress);
    case 'businessScope':
      return at(c.businessScope);
    case 'regionCode':
      return at(c.regionCode);
    case 'premises':
      // The base knows no 经营场所 of its own: the 住所 is offered, said as such, to be corrected.
      return at(c.registeredAddress, '法人库（住所）');
    default:
      return [];
  }
}

/** A person's facts in the population base (人口库). */
function fromPerson(element: FormElementKey, p: PersonRecord): Candidate[] {
  const at = (value: string | null): Candidate[] =>
    value ? [{ source: 'population', label: '人口库', value }] : [];
  switch (element) {
    case 'personName':
      return at(p.name);
    case 'personIdNumber':
      return at(p.idNumber);
    case 'personSex':
      return at(p.sex === 'male' ? '男' : '女');
    case 'personEthnicity':
      return at(p.ethnicity);
    case 'personBirthDate':
      return at(p.birthDate);
    case 'personAddress':
      return at(p.address);
    case 'regionCode':
      return at(p.regionCode);
    default:
      return [];
  }
}

/** The account's own data (账号资料). */
function fromProfile(element: FormElementKey, kind: Holder['kind'], p: Profile): Candidate[] {
  const at = (value: string | null): Candidate[] =>
    value ? [{ source: 'profile', label: '账号资料', value }] : [];
  switch (element) {
    case 'personName':
    case 'contactName':
      return kind === 'person' ? at(p.displayName) : [];
    case 'entityName':
      return kind === 'company' ? at(p.displayName) : [];
    case 'personIdNumber':
      return kind === 'person' ? at(p.login) : [];
    case 'creditCode':
      return kind === 'company' ? at(p.login) : [];
    case 'mobilePhone':
      return p.phone && isMobile(p.phone) ? at(p.phone) : [];
    case 'contactPhone':
      return at(p.phone);
    case 'email':
      return at(p.email);
    default:
      return [];
  }
}

/** The values of a data element, in the order they are offered. */
function elementCandidates(element: FormElementKey, data: HolderData): Candidate[] {
  return [
    ...fromCertificates(element, data),
    ...(data.company ? fromCompany(element, data.company) : []),
    ...(data.person ? fromPerson(element, data.person) : []),
    ...(data.profile ? fromProfile(element, data.holder.kind, data.profile) : []),
  ];
}

/** The values of a certificate field: the holder's certificates of that type, then the element it states. */
function certificateCandidates(
  binding: Extract<ParsedBinding, { kind: 'certificate' }>,
  data: HolderData,
): Candidate[] {
  const held = data.certificates.filter((c) => c.typeCode === binding.typeCode);
  const own: Candidate[] = held.flatMap((c) => {
    const value =
      binding.field === 'name' ? (c.data.name ?? c.holderName) : (c.data[binding.field] ?? undefined);
    return value ? [{ source: 'certificate' as const, label: certificateLabel(c), value }] : [];
  });
  const element = elementOfCertificateField(data.holder.kind, binding.field);
  return [...own, ...(element ? elementCandidates(element, data) : [])];
}

/**
 * The candidate values of a binding, in order: certificates, the base, the profile, then the
 * latest earlier case with a field of the same binding. An unknown binding has none.
 */
export function candidatesOf(binding: string, data: HolderData): Candidate[] {
  const parsed = parseBinding(binding);
  if (!parsed) return [];
  const found =
    parsed.kind === 'certificate'
      ? certificateCandidates(parsed, data)
      : elementCandidates(parsed.element as FormElementKey, data);
  const earlier = data.earlier.get(binding);
  return earlier ? [...found, earlier] : found;
}
