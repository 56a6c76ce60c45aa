import { withCreditCheckCharacter } from '../../common/identity.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Tx } from '../core/db/client.ts';
import {
  type CompanyRecord,
  type PersonRecord,
  upsertCompanies,
  upsertPersons,
} from '../registries/index.ts';
import {
  DEMO_COMPANY,
  DEMO_PERSON,
  DISTRICTS,
  GIVEN_NAMES,
  INDUSTRIES,
  STREETS,
  SURNAMES,
} from './registries-data.ts';

/** A small deterministic generator (mulberry32): the same demo bases on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
  return { int, pick };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Completes the first 17 digits of a resident ID number with its GB 11643 check character. */
export function withIdCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const CREDIT_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The demo population base: the demo applicant and 300 residents of 西安市. */
export function demoPersons(count = 300): PersonRecord[] {
  const r = random(20_260_101);
  const persons: PersonRecord[] = [DEMO_PERSON, DEMO_COMPANY.representative];
  const seen = new Set(persons.map((p) => p.idNumber));
  while (persons.length < count + 2) {
    const district = r.pick(DISTRICTS);
    const year = r.int(1950, 2006);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    const sequence = r.int(1, 999);
    const idNumber = withIdCheckCharacter(
      `${district.code}${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`,
    );
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const female = sequence % 2 === 0;
    persons.push({
      idNumber,
      name: `${r.pick(SURNAMES)}${r.pick(GIVEN_NAMES[female ? 'female' : 'male'])}`,
      sex: female ? 'female' : 'male',
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      ethnicity: r.int(1, 20) === 1 ? '回族' : '汉族',
      address: `陕西省西安市${district.name}${r.pick(STREETS)}${r.int(1, 300)}号${r.int(1, 30)}栋${r.int(1, 30)}${pad(r.int(1, 4), 2)}室`,
      phone: `1${r.pick(['33', '35', '38', '39', '58', '86', '89'])}${pad(r.int(0, 99_999_999), 8)}`,
      regionCode: district.code,
    });
  }
  return persons;
}

/** The demo legal-entity base: the demo company and 300 companies of 西安市, each led by a resident of the population base. */
export function demoCompanies(persons: PersonRecord[], count = 300): CompanyRecord[] {
  const r = random(20_260_202);
  const companies: CompanyRecord[] = [DEMO_COMPANY.record];
  const seen = new Set(companies.map((c) => c.creditCode));
  const adults = persons.filter((p) => p.birthDate < '1998-01-01');
  while (companies.length < count + 1) {
    const district = r.pick(DISTRICTS);
    const industry = r.pick(INDUSTRIES);
    const individual = r.int(1, 5) === 1;
    const body = Array.from({ length: 9 }, () => r.pick(CREDIT_BODY.split(''))).join('');
    const creditCode = withCreditCheckCharacter(`${individual ? '92' : '91'}${district.code}${body}`);
    if (seen.has(creditCode)) continue;
    seen.add(creditCode);
    const representative = r.pick(adults);
    const brand = `${r.pick(['秦', '长安', '大唐', '丝路', '曲江', '雁塔', '未央', '汉风', '终南', '古都'])}${r.pick(['恒', '盛', '兴', '华', '瑞', '达', '信', '和', '诚', '通'])}${r.pick(['泰', '源', '远', '昌', '丰', '隆', '安', '祥', '福', '鑫'])}`;
    const name = individual
      ? `西安市${district.name}${brand}${industry.shop}`
      : `西安${brand}${industry.trade}有限公司`;
    const year = r.int(2003, 2025);
    companies.push({
      creditCode,
      name,
      legalRepresentative: representative.name,
      legalRepresentativeIdNumber: representative.idNumber,
      companyType: individual
        ? '个体工商户'
        : r.pick(['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）']),
      registeredAddress: `陕西省西安市${district.name}${r.pick(STREETS)}${r.int(1, 300)}号`,
      registeredCapital: individual ? '' : `${r.pick([10, 50, 100, 200, 300, 500, 1000])}万元人民币`,
      establishedOn: `${year}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`,
      businessScope: industry.scope,
      status: r.int(1, 25) === 1 ? '注销' : '存续',
      regionCode: district.code,
    });
  }
  return companies;
}

/** Loads the demo population and legal-entity bases, with one audit record. */
export async function seedDemoRegistries(options: { db: Tx; audit: AuditContext }): Promise<void> {
  const persons = demoPersons();
  const companies = demoCompanies(persons);
  await upsertPersons(options.db, persons, 'demo');
  await upsertCompanies(options.db, companies, 'demo');
  await recordAudit(options.db, options.audit, {
    action: 'registry.seed_demo',
    targetType: 'registry',
    summary: { persons: persons.length, companies: companies.length },
  });
}
