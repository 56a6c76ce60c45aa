import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  choice,
  companyApplicant,
  contact,
  creditCode,
  date,
  dateRange,
  idNumber,
  money,
  multiChoice,
  number,
  personApplicant,
  phone,
  promiseSection,
  region,
  required,
  section,
  TRUE_COPY,
  table,
  text,
  yesNo,
} from './fields.ts';

/*
 * The application forms of the 税务局 and 人社局 matters, after 纳税人首次办税补充信息表, 发票票种核定
 * (数电发票授信) 申请, 社会保险登记表, 就业登记表, 失业保险金申领登记表 and 社会保障卡申领登记表.
 */

const BANKS = [
  '中国工商银行',
  '中国农业银行',
  '中国银行',
  '中国建设银行',
  '交通银行',
  '中国邮政储蓄银行',
  '长安银行',
  '西安银行',
];
const BANK_ACCOUNT = {
  pattern: '[0-9]{8,30}',
  patternMessage: '银行账号为8—30位数字',
  patternMessageEn: '8 to 30 digits',
};
const EDUCATION = ['研究生', '大学本科', '大学专科', '中等职业教育', '普通高中', '初中及以下'];

const taxOfficer = (key: string, label: string, labelEn: string) => [
  text(`${key}Name`, `${label}姓名`, labelEn, { ...required }),
  idNumber(`${key}IdNumber`, `${label}身份证号码`, `${labelEn}: ID number`, { ...required }),
  phone(`${key}Phone`, `${label}移动电话`, `${labelEn}: phone`, { ...required }),
];

/** 数电发票 授信额度 and 票种 (发票申领): the taxpayer, the invoices, the person collecting them. */
const INVOICES: FormDefinition = {
  sections: [
    section('taxpayer', '纳税人信息', 'Taxpayer', companyApplicant({ type: false, nameLabel: '纳税人名称' })),
    section('invoices', '申领内容', 'Invoices', [
      multiChoice(
        'kinds',
        '发票种类',
        'Kinds of invoice',
        ['数电发票（增值税专用发票）', '数电发票（普通发票）', '数电发票（机动车销售统一发票）'],
        { ...required },
      ),
      money('monthlySales', '预计月销售额（元）', 'Expected monthly sales (yuan)', {
        ...required,
        validation: { max: 1_000_000_000 },
      }),
      money('creditLimit', '申请开具金额总额度（元/月）', 'Monthly invoicing limit requested (yuan)', {
        ...required,
        help: '新办纳税人的初始额度由系统按风险等级自动赋予，超出的可说明理由申请调整',
        validation: { max: 1_000_000_000 },
      }),
      text('raiseReason', '调整额度理由', 'Why more', {
        help: '申请额度高于初始额度的填写',
        validation: { maxLength: 200 },
      }),
    ]),
    section('officer', '办税人员', 'Tax officer', taxOfficer('taxOfficer', '办税人员', 'Tax officer')),
    promiseSection(`${TRUE_COPY}本单位承诺按规定开具、使用和保管发票。`),
  ],
};

/** 新办纳税人 税务信息确认: accounting, officers, bank accounts. */
const TAX_INFORMATION: FormDefinition = {
  sections: [
    section('taxpayer', '纳税人信息', 'Taxpayer', [
      ...companyApplicant({ nameLabel: '纳税人名称' }),
      region('region', '生产经营地所在区县', 'District of business', { ...required, binding: 'regionCode' }),
    ]),
    section('accounting', '财务会计制度', 'Accounting', [
      choice(
        'standard',
        '适用会计制度',
        'Accounting standard',
        ['企业会计准则', '小企业会计准则', '企业会计制度', '民间非营利组织会计制度', '其他'],
        { ...required },
      ),
      choice('bookkeeping', '核算方式', 'Bookkeeping', ['独立核算自负盈亏', '非独立核算'], { ...required }),
      yesNo('generalTaxpayer', '是否同时登记为增值税一般纳税人', 'Also a general VAT taxpayer', {
        help: '年应税销售额超过500万元的应当登记为一般纳税人',
      }),
    ]),
    section('officers', '财务负责人和办税人员', 'Finance officer and tax officer', [
      ...taxOfficer('finance', '财务负责人', 'Finance officer'),
      ...taxOfficer('taxOfficer', '办税人员', 'Tax officer'),
    ]),
    section('accounts', '存款账户', 'Bank accounts', [
      table(
        'bankAccounts',
        '存款账户',
        'Bank accounts',
        [
          choice('bank', '开户银行', 'Bank', BANKS, { ...required }),
          text('account', '账号', 'Account number', { ...required, validation: BANK_ACCOUNT }),
          yesNo('taxPayment', '是否用于缴税', 'Used to pay taxes'),
        ],
        { validation: { maxItems: 10 } },
      ),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

/** 社会保险登记表 (单位): the unit, its bank, the insurances it takes part in. */
const SOCIAL_INSURANCE_REGISTRATION: FormDefinition = {
  covers: ['djb'],
  sections: [
    section('unit', '单位基本信息', 'Unit', [
      ...companyApplicant(),
      region('region', '单位所在区县', 'District', { ...required, binding: 'regionCode' }),
      choice(
        'unitType',
        '单位类型',
        'Kind of unit',
        ['企业', '机关', '事业单位', '社会团体', '民办非企业单位', '个体工商户', '其他'],
        { ...required },
      ),
    ]),
    section('insurance', '参保信息', 'Insurance', [
      multiChoice('insurances', '参保险种', 'Insurances', ['企业职工基本养老保险', '失业保险', '工伤保险'], {
        ...required,
        help: '职工基本医疗保险（含生育保险）在医保部门同步办理',
      }),
      date('startOn', '参保起始日期', 'Insured from', { ...required }),
      number('employees', '参保职工人数', 'Employees insured', {
        ...required,
        validation: { min: 1, max: 100_000 },
      }),
      choice('bank', '缴费开户银行', 'Bank', BANKS, { ...required }),
      text('bankAccount', '缴费银行账号', 'Bank account', { ...required, validation: BANK_ACCOUNT }),
    ]),
    section('contact', '社保经办人', 'Contact', contact('社保经办人')),
    promiseSection(TRUE_COPY),
  ],
};

/** 就业登记表: the worker, the employer, the contract. */
const EMPLOYMENT_REGISTRATION: FormDefinition = {
  sections: [
    section('person', '劳动者信息', 'Worker', [
      ...personApplicant({ sex: true, household: true }),
      choice('education', '文化程度', 'Education', EDUCATION, { ...required }),
    ]),
    section('employment', '就业信息', 'Employment', [
      choice('kind', '就业形式', 'Kind of employment', ['单位就业', '灵活就业', '自主创业'], { ...required }),
      text('employer', '用人单位名称', 'Employer', {
        shownWhen: { field: 'kind', equals: '单位就业' },
        ...required,
      }),
      creditCode('employerCode', '用人单位统一社会信用代码', 'Employer credit code', {
        shownWhen: { field: 'kind', equals: '单位就业' },
        ...required,
      }),
      choice(
        'contract',
        '劳动合同类型',
        'Contract',
        ['固定期限', '无固定期限', '以完成一定工作任务为期限', '劳务派遣'],
        { shownWhen: { field: 'kind', equals: '单位就业' }, ...required },
      ),
      dateRange('term', '合同期限', 'Contract term', {
        shownWhen: { field: 'contract', equals: '固定期限' },
        ...required,
      }),
      date('startOn', '就业日期', 'Employed since', { ...required }),
      text('position', '工作岗位', 'Position', { validation: { maxLength: 50 } }),
    ]),
  ],
};

/** 失业保险金申领登记表: the claimant, the job lost, the account the benefit is paid into. */
const UNEMPLOYMENT_BENEFIT: FormDefinition = {
  covers: ['yhk'],
  sections: [
    section('person', '申领人', 'Claimant', personApplicant({ household: true })),
    section('job', '失业前就业情况', 'The job lost', [
      text('lastEmployer', '原用人单位名称', 'Last employer', { ...required }),
      creditCode('lastEmployerCode', '原用人单位统一社会信用代码', 'Last employer credit code', {
        ...required,
      }),
      date('separatedOn', '解除或终止劳动关系日期', 'Left on', { ...required }),
      choice(
        'reason',
        '失业原因',
        'Reason',
        [
          '劳动合同期满终止',
          '用人单位提出解除劳动合同',
          '被用人单位辞退或开除',
          '用人单位破产、撤销或解散',
          '因用人单位过错本人解除劳动合同',
          '其他非本人意愿中断就业',
        ],
        { ...required, help: '本人意愿中断就业的，不能申领失业保险金' },
      ),
      number('contributionYears', '累计缴纳失业保险费年限', 'Years of contributions', {
        ...required,
        validation: { min: 1, max: 60 },
        help: '累计缴费满1年方可申领',
      }),
    ]),
    section('account', '收款账户', 'Account for the benefit', [
      choice('bank', '开户银行', 'Bank', BANKS, { ...required }),
      text('bankAccount', '本人银行账号（社会保障卡金融账户）', 'Bank account', {
        ...required,
        validation: BANK_ACCOUNT,
      }),
    ]),
    promiseSection(
      `${TRUE_COPY}本人承诺领取失业保险金期间重新就业、应征服兵役、移居境外或享受基本养老保险待遇的，及时告知经办机构停发。`,
    ),
  ],
};

/** 社会保障卡申领登记表: the applicant, the kind of application, the bank. `bank` prints on the card. */
const SOCIAL_SECURITY_CARD: FormDefinition = {
  sections: [
    section('person', '申领人', 'Applicant', personApplicant({ sex: true, household: true })),
    section('card', '申领信息', 'Card', [
      choice('kind', '申领类型', 'Kind', ['首次申领', '补领', '换领'], { ...required }),
      choice('bank', '服务银行', 'Bank', BANKS, {
        ...required,
        help: '社会保障卡金融账户在所选银行开立',
      }),
      choice('pickup', '领卡方式', 'How to receive the card', ['银行网点领取', '邮寄到家'], { ...required }),
      address('mailAddress', '邮寄地址', 'Postal address', {
        shownWhen: { field: 'pickup', equals: '邮寄到家' },
        ...required,
      }),
      yesNo('electronic', '同时签发电子社会保障卡', 'Also an electronic card'),
    ]),
  ],
};

export const TAX_LABOUR_FORMS: Record<string, FormDefinition> = {
  发票申领: INVOICES,
  纳税人税务信息确认: TAX_INFORMATION,
  '社会保险登记（单位参保登记）': SOCIAL_INSURANCE_REGISTRATION,
  就业登记: EMPLOYMENT_REGISTRATION,
  失业保险金申领: UNEMPLOYMENT_BENEFIT,
  社会保障卡申领: SOCIAL_SECURITY_CARD,
};
