import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  choice,
  companyApplicant,
  contact,
  date,
  dateRange,
  idNumber,
  money,
  number,
  personApplicant,
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
 * The application forms of the 医保局 and 卫健委 matters, after 职工基本医疗保险参保登记表,
 * 城乡居民基本医疗保险参保登记表, 异地就医备案登记表, 出生医学证明首次签发登记表 and 生育登记服务单.
 * Keys of values the 出生医学证明 prints are that certificate's field keys.
 */

const NEWBORN = { field: 'insuredKind', equals: '新生儿' };

/** 职工基本医疗保险参保登记表 (单位): the unit and the employees it insures. */
const EMPLOYEE_MEDICAL_INSURANCE: FormDefinition = {
  sections: [
    section('unit', '参保单位', 'Unit', [
      ...companyApplicant({ type: false }),
      region('region', '单位所在区县', 'District', { ...required, binding: 'regionCode' }),
    ]),
    section('insured', '参保人员', 'Employees insured', [
      date('startOn', '参保起始日期', 'Insured from', { ...required }),
      table(
        'employees',
        '参保职工名单',
        'Employees',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          money('wage', '月缴费工资（元）', 'Monthly contribution base (yuan)', {
            ...required,
            help: '不低于上年度全省全口径城镇单位就业人员月平均工资的60%',
            validation: { min: 1, max: 1_000_000 },
          }),
          yesNo('maternity', '参加生育保险', 'Maternity insurance'),
        ],
        { ...required, validation: { minItems: 1, maxItems: 500 } },
      ),
    ]),
    section('contact', '医保经办人', 'Contact', contact('医保经办人')),
    promiseSection(TRUE_COPY),
  ],
};

/** 城乡居民基本医疗保险参保登记表: who registers whom (a newborn with its 出生医学证明), how they pay. */
const RESIDENT_MEDICAL_INSURANCE: FormDefinition = {
  sections: [
    section('applicant', '办理人', 'Applicant', personApplicant()),
    section('insured', '参保人', 'Person insured', [
      choice(
        'insuredKind',
        '参保人员类别',
        'Category',
        [
          '新生儿',
          '中小学生和学龄前儿童',
          '大学生',
          '成年居民',
          '60周岁以上老年居民',
          '特困、低保等困难群众',
        ],
        { ...required, help: '新生儿自出生之日起90日内参保缴费的，自出生之日起享受待遇' },
      ),
      text('newbornName', '新生儿姓名', 'Name of the newborn', {
        shownWhen: NEWBORN,
        ...required,
        binding: 'certificate:csyxzm.newbornName',
      }),
      text('birthCertificateNumber', '出生医学证明编号', 'Birth certificate number', {
        shownWhen: NEWBORN,
        ...required,
        validation: { pattern: '[A-Z][0-9]{9}', patternMessage: '出生医学证明编号为1位字母加9位数字' },
      }),
      text('insuredName', '参保人姓名', 'Name', { shownWhen: { not: NEWBORN }, ...required }),
      idNumber('insuredIdNumber', '参保人身份证号码', 'ID number', {
        shownWhen: { not: NEWBORN },
        ...required,
      }),
      choice(
        'relation',
        '参保人与办理人关系',
        'Relation to the applicant',
        ['本人', '子女', '父母', '配偶', '其他'],
        {
          ...required,
        },
      ),
      region('region', '户籍或居住所在区县', 'District', { ...required }),
    ]),
    section('payment', '缴费', 'Payment', [
      number('year', '缴费年度', 'Year', { ...required, validation: { min: 2024, max: 2100 } }),
      choice('payBy', '缴费方式', 'Paid by', ['线上缴费（陕西税务、微信、支付宝）', '银行代扣', '窗口缴费'], {
        ...required,
      }),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

/** 异地就医备案登记表: the insured, the kind of stay, where they are treated, the period. */
const OUT_OF_TOWN_TREATMENT: FormDefinition = {
  covers: ['cn'],
  sections: [
    section('person', '参保人', 'Insured person', personApplicant()),
    section('filing', '备案信息', 'Filing', [
      choice(
        'kind',
        '备案类型',
        'Kind',
        ['异地长期居住人员', '常驻异地工作人员', '异地转诊就医人员', '临时外出就医人员'],
        { ...required },
      ),
      region('destination', '就医地', 'Where treated', { ...required, help: '选择到地市一级' }),
      address('residence', '异地居住（工作）地址', 'Address there', {
        shownWhen: { field: 'kind', in: ['异地长期居住人员', '常驻异地工作人员'] },
        ...required,
      }),
      text('hospital', '转诊医院', 'Hospital referred to', {
        shownWhen: { field: 'kind', equals: '异地转诊就医人员' },
        ...required,
      }),
      dateRange('period', '备案有效期', 'Period', {
        ...required,
        help: '长期居住、常驻工作人员备案后6个月内原则上不变更；临时外出就医的备案有效期不少于6个月',
      }),
    ]),
    promiseSection(
      '本人承诺所填异地居住（工作）情况真实，如有虚假，愿承担由此产生的医疗费用和法律责任（本承诺代替《个人承诺书》）。',
    ),
  ],
};

/**
 * 出生医学证明首次签发登记表: the newborn, the mother, the father. `newbornName`, `sex`, `birthAt`,
 * `birthPlace`, `institution`, `motherName` and `fatherName` print on the 出生医学证明.
 */
const BIRTH_CERTIFICATE: FormDefinition = {
  covers: ['sqb'],
  sections: [
    section('applicant', '申领人', 'Applicant', [
      ...personApplicant(),
      choice('relation', '申领人与新生儿关系', 'Relation to the newborn', ['母亲', '父亲', '其他监护人'], {
        ...required,
      }),
    ]),
    section('newborn', '新生儿', 'Newborn', [
      text('newbornName', '新生儿姓名', 'Name of the newborn', {
        ...required,
        help: '签发后姓名不能更改，请与父母双方确认',
        validation: { minLength: 2, maxLength: 20 },
      }),
      choice('sex', '性别', 'Sex', ['男', '女'], { ...required }),
      text('birthAt', '出生时间', 'Born at', {
        ...required,
        help: '如：2026-01-15 08:30',
        validation: {
          pattern: '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}',
          patternMessage: '出生时间格式如：2026-01-15 08:30',
        },
      }),
      text('birthPlace', '出生地点', 'Place of birth', {
        ...required,
        help: '省、市、区县，如：陕西省西安市新城区',
      }),
      text('institution', '接生机构', 'Delivered at', { ...required }),
      number('gestationWeeks', '出生孕周', 'Weeks of gestation', {
        ...required,
        validation: { min: 20, max: 45 },
      }),
      number('weight', '出生体重（克）', 'Weight (g)', { ...required, validation: { min: 300, max: 7000 } }),
      number('length', '出生身长（厘米）', 'Length (cm)', { ...required, validation: { min: 20, max: 70 } }),
    ]),
    section('mother', '母亲', 'Mother', [
      text('motherName', '母亲姓名', "Mother's name", { ...required }),
      idNumber('motherIdNumber', '母亲身份证号码', "Mother's ID number", { ...required }),
      text('motherEthnicity', '母亲民族', "Mother's ethnicity", { ...required }),
      address('motherAddress', '母亲住址', "Mother's address", { ...required }),
    ]),
    section('father', '父亲', 'Father', [
      yesNo('fatherUnknown', '父亲信息不详', "Father's details unknown"),
      text('fatherName', '父亲姓名', "Father's name", {
        shownWhen: { not: { field: 'fatherUnknown', equals: true } },
        ...required,
      }),
      idNumber('fatherIdNumber', '父亲身份证号码', "Father's ID number", {
        shownWhen: { not: { field: 'fatherUnknown', equals: true } },
        ...required,
      }),
      text('fatherEthnicity', '父亲民族', "Father's ethnicity", {
        shownWhen: { not: { field: 'fatherUnknown', equals: true } },
        ...required,
      }),
    ]),
    promiseSection(`${TRUE_COPY}本人承诺新生儿未申领过出生医学证明。`),
  ],
};

/** 生育登记服务单: the registrant, the spouse as their 结婚证 gives them, the child expected. */
const BIRTH_PLANNING: FormDefinition = {
  sections: [
    section('registrant', '登记人', 'Registrant', [
      ...personApplicant({ household: true }),
      address('residence', '现居住地址', 'Address of residence', {
        ...required,
        binding: 'residenceAddress',
      }),
    ]),
    section('spouse', '配偶', 'Spouse', [
      text('spouseName', '配偶姓名', "Spouse's name", { ...required, binding: 'certificate:jhz.spouseName' }),
      idNumber('spouseIdNumber', '配偶身份证号码', "Spouse's ID number", {
        ...required,
        binding: 'certificate:jhz.spouseIdNumber',
      }),
      date('marriedOn', '结婚登记日期', 'Married on', { ...required, binding: 'certificate:jhz.issuedOn' }),
    ]),
    section('child', '生育情况', 'Children', [
      choice('childOrder', '本次登记为第几个孩子', 'Which child', ['第一个', '第二个', '第三个及以上'], {
        ...required,
      }),
      number('children', '现有子女数', 'Children now', { ...required, validation: { min: 0, max: 20 } }),
      date('dueOn', '预产期', 'Expected on', { help: '已怀孕的填写' }),
      choice('checkups', '孕期保健机构', 'Antenatal care at', [
        '西安市第四医院',
        '西安市人民医院',
        '新城区妇幼保健院',
        '碑林区妇幼保健院',
        '其他医疗机构',
      ]),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

export const HEALTH_FORMS: Record<string, FormDefinition> = {
  城镇职工基本医疗保险参保登记: EMPLOYEE_MEDICAL_INSURANCE,
  城乡居民基本医疗保险参保登记: RESIDENT_MEDICAL_INSURANCE,
  异地就医备案: OUT_OF_TOWN_TREATMENT,
  出生医学证明首次签发: BIRTH_CERTIFICATE,
  生育登记: BIRTH_PLANNING,
};
