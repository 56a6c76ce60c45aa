import { isCreditCode, isResidentIdNumber } from '../../common/identity.ts';

/** A resident of the population base (人口库). */
export type PersonRecord = {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  address: string;
  phone: string | null;
  regionCode: string;
};

/** A legal entity of the legal-entity base (法人库): the data of its 营业执照. */
export type CompanyRecord = {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  legalRepresentativeIdNumber: string | null;
  companyType: string;
  registeredAddress: string;
  registeredCapital: string;
  establishedOn: string;
  businessScope: string;
  status: string;
  regionCode: string;
};

export type RegistryKind = 'persons' | 'companies';

/** One column of an import file: its Chinese header, the English alias and whether it must be filled. */
export type RegistryColumn = { key: string; header: string; alias: string; required: boolean };

export const PERSON_COLUMNS: RegistryColumn[] = [
  { key: 'idNumber', header: '公民身份号码', alias: 'id_number', required: true },
  { key: 'name', header: '姓名', alias: 'name', required: true },
  { key: 'sex', header: '性别', alias: 'sex', required: false },
  { key: 'birthDate', header: '出生日期', alias: 'birth_date', required: false },
  { key: 'ethnicity', header: '民族', alias: 'ethnicity', required: false },
  { key: 'address', header: '住址', alias: 'address', required: true },
  { key: 'phone', header: '联系电话', alias: 'phone', required: false },
  { key: 'regionCode', header: '户籍地区划代码', alias: 'region_code', required: false },
];

export const COMPANY_COLUMNS: RegistryColumn[] = [
  { key: 'creditCode', header: '统一社会信用代码', alias: 'credit_code', required: true },
  { key: 'name', header: '名称', alias: 'name', required: true },
  { key: 'legalRepresentative', header: '法定代表人', alias: 'legal_representative', required: true },
  {
    key: 'legalRepresentativeIdNumber',
    header: '法定代表人身份证号码',
    alias: 'legal_representative_id_number',
    required: false,
  },
  { key: 'companyType', header: '类型', alias: 'company_type', required: true },
  { key: 'registeredAddress', header: '住所', alias: 'registered_address', required: true },
  { key: 'registeredCapital', header: '注册资本', alias: 'registered_capital', required: false },
  { key: 'establishedOn', header: '成立日期', alias: 'established_on', required: true },
  { key: 'businessScope', header: '经营范围', alias: 'business_scope', required: false },
  { key: 'status', header: '登记状态', alias: 'status', required: false },
  { key: 'regionCode', header: '所在地区划代码', alias: 'region_code', required: true },
];

export const COMPANY_STATUSES = ['存续', '在业', '迁出', '吊销', '注销'] as const;

const SEX_WORDS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
};
export const SEX_LABELS = { male: '男', female: '女' } as const;

/** The sex and birth date a resident ID number encodes (GB 11643). */
export function idNumberFacts(idNumber: string): { sex: 'male' | 'female'; birthDate: string } {
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female', birthDate };
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const REGION = /^\d{6}$/;

/** A date as written in a sheet (2019-03-01, 2019/3/1, 2019年3月1日, 20190301, a serial number) in ISO form, or null. */
export function isoDate(text: string): string | null {
  // A date cell of a spreadsheet formatted as a number: days since 1899-12-30.
  if (/^\d{5}$/.test(text))
    return new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export type CellProblem = { column: string; problem: string };
type Cells = Record<string, string>;

function requireFilled(columns: RegistryColumn[], cells: Cells, problems: CellProblem[]) {
  for (const c of columns) {
    if (c.required && !cells[c.key]) problems.push({ column: c.header, problem: '不能为空' });
  }
}

const tooLong = (cells: Cells, columns: RegistryColumn[], problems: CellProblem[], max = 500) => {
  for (const c of columns) {
    if ((cells[c.key] ?? '').length > max)
      problems.push({ column: c.header, problem: `不能超过 ${max} 个字` });
  }
};

/** A population-base row from its cells, or the problems of its cells in Chinese. */
export function readPerson(cells: Cells): { record: PersonRecord | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  requireFilled(PERSON_COLUMNS, cells, problems);
  tooLong(cells, PERSON_COLUMNS, problems);
  const idNumber = (cells.idNumber ?? '').toUpperCase();
  let facts: ReturnType<typeof idNumberFacts> | null = null;
  if (idNumber) {
    if (isResidentIdNumber(idNumber)) facts = idNumberFacts(idNumber);
    else
      problems.push({ column: '公民身份号码', problem: '不是有效的居民身份证号码（校验位不符或格式有误）' });
  }
  const sexText = cells.sex ?? '';
  const sex = sexText ? SEX_WORDS[sexText] : facts?.sex;
  if (sexText && !sex) problems.push({ column: '性别', problem: '须填写“男”或“女”' });
  else if (facts && sex !== facts.sex) problems.push({ column: '性别', problem: '与身份证号码不符' });
  const birthText = cells.birthDate ?? '';
  const birthDate = birthText ? isoDate(birthText) : (facts?.birthDate ?? null);
  if (birthText && !birthDate) problems.push({ column: '出生日期', problem: '日期格式应为 2019-03-01' });
  else if (facts && birthDate !== facts.birthDate) {
    problems.push({ column: '出生日期', problem: '与身份证号码不符' });
  }
  const phone = (cells.phone ?? '').replaceAll(' ', '');
  if (phone && !PHONE.test(phone)) problems.push({ column: '联系电话', problem: '电话号码格式不正确' });
  const regionCode = cells.regionCode || idNumber.slice(0, 6);
  if (cells.regionCode && !REGION.test(cells.regionCode)) {
    problems.push({ column: '户籍地区划代码', problem: '须为 6 位行政区划代码' });
  }
  if (problems.length > 0 || !facts) return { record: null, problems };
  return {
    record: {
      idNumber,
      name: cells.name!,
      sex: sex!,
      birthDate: birthDate!,
      ethnicity: cells.ethnicity ?? '',
      address: cells.address!,
      phone: phone || null,
      regionCode,
    },
    problems,
  };
}

/** A legal-entity-base row from its cells, or the problems of its cells in Chinese. */
export function readCompany(cells: Cells): { record: CompanyRecord | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  requireFilled(COMPANY_COLUMNS, cells, problems);
  tooLong(cells, COMPANY_COLUMNS, problems, 2000);
  const creditCode = (cells.creditCode ?? '').toUpperCase();
  if (creditCode && !isCreditCode(creditCode)) {
    problems.push({
      column: '统一社会信用代码',
      problem: '不是有效的统一社会信用代码（校验码不符或格式有误）',
    });
  }
  const representativeId = (cells.legalRepresentativeIdNumber ?? '').toUpperCase();
  if (representativeId && !isResidentIdNumber(representativeId)) {
    problems.push({ column: '法定代表人身份证号码', problem: '不是有效的居民身份证号码' });
  }
  const establishedOn = cells.establishedOn ? isoDate(cells.establishedOn) : null;
  if (cells.establishedOn && !establishedOn) {
    problems.push({ column: '成立日期', problem: '日期格式应为 2019-03-01' });
  }
  const status = cells.status || '存续';
  if (!(COMPANY_STATUSES as readonly string[]).includes(status)) {
    problems.push({ column: '登记状态', problem: `须为 ${COMPANY_STATUSES.join('、')} 之一` });
  }
  if (cells.regionCode && !REGION.test(cells.regionCode)) {
    problems.push({ column: '所在地区划代码', problem: '须为 6 位行政区划代码' });
  }
  if (problems.length > 0) return { record: null, problems };
  return {
    record: {
      creditCode,
      name: cells.name!,
      legalRepresentative: cells.legalRepresentative!,
      legalRepresentativeIdNumber: representativeId || null,
      companyType: cells.companyType!,
      registeredAddress: cells.registeredAddress!,
      registeredCapital: cells.registeredCapital ?? '',
      establishedOn: establishedOn!,
      businessScope: cells.businessScope ?? '',
      status,
      regionCode: cells.regionCode!,
    },
    problems,
  };
}
