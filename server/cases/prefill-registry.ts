import type { Material } from '../../common/catalogue/guide.ts';
import { maskIdNumber } from '../../common/identity.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type CompanyRecord, findCompany, findPerson, type PersonRecord } from '../registries/index.ts';

export type RegistryName = 'population' | 'legal_entity';

/** A material filled in from the population or legal-entity base. */
export type RegistryMatch = {
  registry: RegistryName;
  /** How it is shown: 法人库：西安某某餐饮有限公司（统一社会信用代码 …）; ID numbers masked. */
  label: string;
  /** The record's fields that make up the material, personal numbers masked. */
  fields: { label: string; value: string }[];
};

export type Holder = { kind: 'person' | 'company'; login: string };

/** Which base a material comes from: 营业执照 from the legal-entity base, identity papers from the population base. */
function registryOf(material: Material): 'business_licence' | 'identity' | 'household' | null {
  const text = `${material.certificateType} ${material.name}`;
  if (text.includes('营业执照')) return 'business_licence';
  if (text.includes('户口簿')) return 'household';
  if (text.includes('身份证')) return 'identity';
  return null;
}

const ACTIVE = ['存续', '在业'];

function companyMatch(c: CompanyRecord): RegistryMatch {
  return {
    registry: 'legal_entity',
    label: `法人库：${c.name}（统一社会信用代码 ${c.creditCode}）`,
    fields: [
      { label: '名称', value: c.name },
      { label: '统一社会信用代码', value: c.creditCode },
      { label: '类型', value: c.companyType },
      { label: '法定代表人', value: c.legalRepresentative },
      { label: '注册资本', value: c.registeredCapital },
      { label: '成立日期', value: c.establishedOn },
      { label: '住所', value: c.registeredAddress },
      { label: '经营范围', value: c.businessScope },
      { label: '登记状态', value: c.status },
    ],
  };
}

function personMatch(p: PersonRecord, what: string): RegistryMatch {
  return {
    registry: 'population',
    label: `人口库：${p.name}（${what} ${maskIdNumber(p.idNumber)}）`,
    fields: [
      { label: '姓名', value: p.name },
      { label: '公民身份号码', value: maskIdNumber(p.idNumber) },
      { label: '性别', value: p.sex === 'male' ? '男' : '女' },
      { label: '出生日期', value: p.birthDate },
      { label: '民族', value: p.ethnicity },
    ],
  };
}

/**
 * The base record a material can be filled in from, when it applies: the company's own 营业执照
 * data, the person's own identity (身份证, 户口簿), or the identity of a company's legal representative.
 */
export async function registryMatchOf(
  db: DbOrTx,
  material: Material,
  holder: Holder,
  company: () => Promise<CompanyRecord | null>,
): Promise<RegistryMatch | null> {
  const kind = registryOf(material);
  if (!kind) return null;
  if (kind === 'business_licence') {
    if (holder.kind !== 'company') return null;
    const c = await company();
    return c && ACTIVE.includes(c.status) ? companyMatch(c) : null;
  }
  if (holder.kind === 'person') {
    const p = await findPerson(db, holder.login);
    return p ? personMatch(p, kind === 'household' ? '户籍' : '公民身份号码') : null;
  }
  if (kind !== 'identity' || !material.name.includes('法定代表人')) return null;
  const c = await company();
  const id = c?.legalRepresentativeIdNumber;
  const p = id ? await findPerson(db, id) : null;
  return p ? personMatch(p, '法定代表人') : null;
}

/** The company record of a holder, read once however many materials ask for it. */
export function companyOnce(db: DbOrTx, holder: Holder): () => Promise<CompanyRecord | null> {
  let read: Promise<CompanyRecord | null> | null = null;
  return () => {
    read ??= holder.kind === 'company' ? findCompany(db, holder.login) : Promise.resolve(null);
    return read;
  };
}
