import type { ColumnField, FieldType, FormField, FormSection } from '../../../../common/forms/schema.ts';

/*
 * The vocabulary of the demo application forms: one builder per field type (key, Chinese label,
 * English label, the rest), sections, and the parts many forms share (the company or person
 * applicant, the agent, the promise). Choice values are their Chinese labels, so that a value a
 * certificate prints (主体业态, 经营项目 …) reads as written on the paper form.
 */

type Rest = Partial<Omit<FormField, 'key' | 'type' | 'label' | 'labelEn' | 'options'>>;

const of =
  (type: FieldType) =>
  (key: string, label: string, labelEn: string, rest: Rest = {}): FormField => ({
    key,
    type,
    label,
    labelEn,
    ...rest,
  });

export const text = of('text');
export const textarea = of('textarea');
export const number = of('number');
export const money = of('money');
export const date = of('date');
export const dateRange = of('dateRange');
export const region = of('region');
export const address = of('address');
export const yesNo = of('yesNo');
export const idNumber = of('idNumber');
export const creditCode = of('creditCode');
export const phone = of('phone');
export const file = of('file');

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** A choice of one of `values` (each its own label). */
export const choice = (
  key: string,
  label: string,
  labelEn: string,
  values: readonly string[],
  rest: Rest = {},
): FormField => ({ key, type: 'choice', label, labelEn, options: options(values), ...rest });

/** A choice of some of `values`. */
export const multiChoice = (
  key: string,
  label: string,
  labelEn: string,
  values: readonly string[],
  rest: Rest = {},
): FormField => ({ key, type: 'multiChoice', label, labelEn, options: options(values), ...rest });

/** A table whose rows have the given columns. */
export const table = (
  key: string,
  label: string,
  labelEn: string,
  columns: FormField[],
  rest: Rest = {},
): FormField => ({ key, type: 'table', label, labelEn, columns: columns as ColumnField[], ...rest });

export const section = (
  key: string,
  title: string,
  titleEn: string,
  fields: FormField[],
  description?: string,
): FormSection => ({ key, title, titleEn, fields, ...(description ? { description } : {}) });

export const required = { required: true } as const;
/** A value that must stay as the source gave it (名称, 统一社会信用代码 …). */
export const fixed = { editable: false } as const;

/**
 * The applicant company as its 营业执照 and the legal-entity base (法人库) give it: name, credit
 * code, type, legal representative and ID number, 住所 (key `address`, as licences print it).
 */
export function companyApplicant(options: { type?: boolean; nameLabel?: string } = {}): FormField[] {
  return [
    text('entityName', options.nameLabel ?? '单位名称', 'Name of the entity', {
      ...required,
      ...fixed,
      binding: 'entityName',
      help: '应与营业执照载明的名称一致',
    }),
    creditCode('creditCode', '统一社会信用代码', 'Unified social credit code', {
      ...required,
      ...fixed,
      binding: 'creditCode',
    }),
    ...(options.type === false
      ? []
      : [
          text('entityType', '主体类型', 'Type of entity', {
            ...fixed,
            binding: 'entityType',
            help: '如：有限责任公司（自然人投资或控股）',
          }),
        ]),
    text('legalRepresentative', '法定代表人（负责人）', 'Legal representative', {
      ...required,
      ...fixed,
      binding: 'legalRepresentative',
    }),
    idNumber(
      'legalRepresentativeIdNumber',
      '法定代表人（负责人）身份证号码',
      'ID number of the representative',
      {
        ...required,
        ...fixed,
        binding: 'legalRepresentativeIdNumber',
      },
    ),
    address('address', '住所', 'Registered address', {
      ...required,
      ...fixed,
      binding: 'registeredAddress',
      help: '应与营业执照载明的住所一致',
    }),
  ];
}

/** The applicant person as the population base (人口库) and the account give them. */
export function personApplicant(options: { sex?: boolean; household?: boolean } = {}): FormField[] {
  return [
    text('personName', '姓名', 'Name', { ...required, ...fixed, binding: 'personName' }),
    idNumber('personIdNumber', '公民身份号码', 'Resident ID number', {
      ...required,
      ...fixed,
      binding: 'personIdNumber',
    }),
    ...(options.sex
      ? [choice('sex', '性别', 'Sex', ['男', '女'], { ...required, ...fixed, binding: 'personSex' })]
      : []),
    ...(options.household
      ? [
          address('personAddress', '户籍地址', 'Address of household registration', {
            ...required,
            binding: 'personAddress',
          }),
        ]
      : []),
    phone('mobilePhone', '手机号码', 'Mobile phone', {
      ...required,
      binding: 'mobilePhone',
      help: '用于接收办理进度短信',
    }),
  ];
}

/** 联系电话 of a company's application, from the account's profile. */
export const contactPhone = (label = '联系电话') =>
  phone('contactPhone', label, 'Contact phone', { ...required, binding: 'contactPhone' });

/** 联系人 and 联系电话 of a company's application. */
export const contact = (label = '联系人') => [
  text('contactName', label, 'Contact person', { ...required, binding: 'contactName' }),
  contactPhone(),
];

/** Someone applying for the applicant (委托代理人): shown when the applicant says so. */
export function agentSection(): FormSection {
  const byAgent = { field: 'byAgent', equals: true } as const;
  return section('agent', '委托代理', 'Agent', [
    yesNo('byAgent', '是否委托他人代为办理', 'Applying through an agent'),
    text('agentName', '代理人姓名', 'Agent name', { shownWhen: byAgent, ...required }),
    idNumber('agentIdNumber', '代理人身份证号码', 'Agent ID number', { shownWhen: byAgent, ...required }),
    phone('agentPhone', '代理人联系电话', 'Agent phone', { shownWhen: byAgent, ...required }),
  ]);
}

/** The applicant's promise (申请人承诺): the one choice must be made to file the form. */
export function promiseSection(promise: string): FormSection {
  return section('promise', '申请人承诺', 'Declaration', [
    choice('promise', '承诺', 'I declare', ['本人（本单位）已阅读并作出以上承诺'], {
      ...required,
      help: promise,
    }),
  ]);
}

export const TRUE_COPY =
  '本人（本单位）承诺所填写的内容和提交的材料真实、合法、有效，复印件与原件一致，并对因材料虚假所引发的一切后果承担法律责任。';
