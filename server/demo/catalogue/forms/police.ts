import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  agentSection,
  choice,
  companyApplicant,
  contact,
  date,
  dateRange,
  idNumber,
  multiChoice,
  personApplicant,
  promiseSection,
  region,
  required,
  section,
  TRUE_COPY,
  table,
  text,
  textarea,
} from './fields.ts';

/*
 * The application forms of the 公安局 matters, after 印章刻制备案登记表, 居民身份证申领登记表,
 * 户口迁移申请表, 出生登记申报表, 陕西省居住证申领登记表 and 无犯罪记录证明申请表. Keys of values the
 * 户口簿 or 居住证 prints are the certificate's field keys.
 */

const DELIVERY = ['窗口领取', '邮寄到家'];
const byPost = { field: 'delivery', equals: '邮寄到家' };
const deliveryFields = (label: string) => [
  choice('delivery', label, 'How to receive it', DELIVERY, { ...required }),
  address('mailAddress', '邮寄地址', 'Postal address', { shownWhen: byPost, ...required }),
];

const HOUSEHOLD_TYPES = ['家庭户', '集体户'];
const RELATIONS = [
  '本人',
  '配偶',
  '子女',
  '父母',
  '祖父母、外祖父母',
  '孙子女、外孙子女',
  '兄弟姐妹',
  '其他',
];

/** 印章刻制备案登记表: the unit, the seals, the engraver. */
const SEAL_FILING: FormDefinition = {
  sections: [
    section('unit', '用章单位', 'Unit', companyApplicant({ type: false, nameLabel: '用章单位名称' })),
    section('seals', '刻制印章', 'Seals', [
      choice('reason', '刻制原因', 'Reason', ['新刻', '遗失补刻', '损坏重刻', '名称变更重刻'], {
        ...required,
      }),
      multiChoice(
        'seals',
        '印章种类',
        'Seals',
        ['单位公章', '财务专用章', '发票专用章', '合同专用章', '法定代表人名章', '其他专用章'],
        { ...required, help: '新办企业免费刻制单位公章、财务专用章、发票专用章' },
      ),
      text('otherSeal', '其他专用章名称', 'Other seal', {
        shownWhen: { field: 'seals', equals: '其他专用章' },
        ...required,
      }),
      choice(
        'engraver',
        '刻制企业',
        'Engraver',
        ['西安市长安印章有限公司', '西安新城区诚信印章刻制中心', '西安碑林区文昌印章有限公司'],
        { ...required, help: '在公安机关备案的印章刻制企业中选择；刻制完成后由刻制企业上传印模' },
      ),
      choice('pickup', '印章领取方式', 'How to receive the seals', ['到刻制企业领取', '免费寄递'], {
        ...required,
      }),
      address('mailAddress', '寄递地址', 'Postal address', {
        shownWhen: { field: 'pickup', equals: '免费寄递' },
        ...required,
      }),
    ]),
    section('contact', '经办人', 'Contact', contact('经办人姓名')),
    promiseSection(`${TRUE_COPY}本单位承诺所刻印章仅用于本单位合法经营活动。`),
  ],
};

/** 居民身份证申领登记表 (换领): why, what changes, how to receive it. */
const ID_CARD_RENEWAL: FormDefinition = {
  sections: [
    section('person', '申领人', 'Applicant', personApplicant({ sex: true, household: true })),
    section('renewal', '换领信息', 'Renewal', [
      choice('reason', '换领原因', 'Reason', ['有效期满换领', '证件损坏换领', '登记项目变更换领'], {
        ...required,
      }),
      multiChoice(
        'changedItems',
        '变更的登记项目',
        'Changed items',
        ['姓名', '性别', '民族', '出生日期', '住址'],
        {
          shownWhen: { field: 'reason', equals: '登记项目变更换领' },
          ...required,
          help: '登记项目以户口登记项目为准，应先办理户口登记项目变更',
        },
      ),
      text('photoReceipt', '数码照片回执号', 'Photo receipt number', {
        help: '已在照相馆或自助终端采集照片的填写；未采集的到窗口免费采集',
        validation: { pattern: '[0-9A-Za-z]{6,20}', patternMessage: '回执号为6—20位字母或数字' },
      }),
      ...deliveryFields('领取方式'),
    ]),
  ],
};

/** 户口迁移申请表 (迁入): who moves, on what grounds, into which household. */
const HOUSEHOLD_MOVE: FormDefinition = {
  sections: [
    section('person', '迁移人', 'Person moving', personApplicant({ sex: true, household: true })),
    section('move', '迁入信息', 'Moving in', [
      choice(
        'grounds',
        '迁入类别',
        'Grounds',
        ['学历（人才）落户', '购房落户', '就业落户', '投靠亲属', '夫妻投靠', '其他'],
        { ...required },
      ),
      address('address', '迁入地址', 'New address', { ...required, help: '具体到门牌号、房间号' }),
      region('region', '迁入地所在区县', 'District', { ...required }),
      choice('householdType', '户别', 'Kind of household', HOUSEHOLD_TYPES, { ...required }),
      text('householder', '迁入户户主姓名', 'Head of the household', { ...required }),
      choice('relation', '与户主关系', 'Relation to the head', RELATIONS, { ...required }),
      table(
        'movers',
        '随迁人员',
        'Moving with',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          choice('relation', '与迁移人关系', 'Relation', ['配偶', '子女', '父母', '其他'], { ...required }),
        ],
        { validation: { maxItems: 10 } },
      ),
    ]),
    promiseSection(`${TRUE_COPY}本人承诺符合迁入条件，迁入后按规定办理居民身份证登记项目变更。`),
  ],
};

/**
 * 出生登记申报表: the newborn as its 出生医学证明 gives it, the parents, the household it joins.
 * `address`, `householder` and `householdType` print on the 户口簿.
 */
const BIRTH_REGISTRATION: FormDefinition = {
  sections: [
    section('declarant', '申报人', 'Declarant', [
      ...personApplicant(),
      choice('relation', '申报人与新生儿关系', 'Relation to the newborn', ['父亲', '母亲', '其他监护人'], {
        ...required,
      }),
    ]),
    section('newborn', '新生儿信息', 'Newborn', [
      text('newbornName', '新生儿姓名', 'Name of the newborn', {
        ...required,
        binding: 'certificate:csyxzm.newbornName',
        validation: { minLength: 2, maxLength: 20 },
      }),
      choice('newbornSex', '性别', 'Sex', ['男', '女'], { ...required, binding: 'certificate:csyxzm.sex' }),
      text('newbornBirthAt', '出生时间', 'Born at', {
        ...required,
        binding: 'certificate:csyxzm.birthAt',
        help: '如：2026-01-15 08:30',
        validation: {
          pattern: '[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?',
          patternMessage: '出生时间格式如：2026-01-15 08:30',
        },
      }),
      text('birthPlace', '出生地点', 'Place of birth', {
        ...required,
        binding: 'certificate:csyxzm.birthPlace',
      }),
      text('birthCertificateNumber', '出生医学证明编号', 'Birth certificate number', {
        ...required,
        validation: {
          pattern: '[A-Z][0-9]{9}',
          patternMessage: '出生医学证明编号为1位字母加9位数字',
          patternMessageEn: 'one letter and nine digits',
        },
      }),
      text('ethnicity', '民族', 'Ethnicity', { ...required, help: '随父亲或母亲的民族' }),
    ]),
    section('parents', '父母信息', 'Parents', [
      text('motherName', '母亲姓名', "Mother's name", {
        ...required,
        binding: 'certificate:csyxzm.motherName',
      }),
      idNumber('motherIdNumber', '母亲身份证号码', "Mother's ID number", { ...required }),
      text('fatherName', '父亲姓名', "Father's name", { binding: 'certificate:csyxzm.fatherName' }),
      idNumber('fatherIdNumber', '父亲身份证号码', "Father's ID number", {
        requiredWhen: { field: 'fatherName', notEmpty: true },
      }),
    ]),
    section('household', '申报落户', 'Household', [
      choice('settleWith', '落户方式', 'Registered with', ['随父落户', '随母落户'], { ...required }),
      address('address', '落户地址', 'Address', { ...required }),
      choice('householdType', '户别', 'Kind of household', HOUSEHOLD_TYPES, { ...required }),
      text('householder', '户主姓名', 'Head of the household', { ...required }),
      choice(
        'relationToHead',
        '新生儿与户主关系',
        'Relation to the head',
        ['子', '女', '孙子', '孙女', '外孙子', '外孙女', '其他'],
        {
          ...required,
        },
      ),
    ]),
    promiseSection(`${TRUE_COPY}本人承诺新生儿未在其他地方申报出生登记。`),
  ],
};

/** 陕西省居住证申领登记表: the applicant, where they live, on what grounds. `address` prints on the 居住证. */
const RESIDENCE_PERMIT: FormDefinition = {
  sections: [
    section('person', '申领人', 'Applicant', personApplicant({ sex: true, household: true })),
    section('residence', '居住信息', 'Residence', [
      address('address', '居住地址', 'Address of residence', {
        ...required,
        binding: 'residenceAddress',
        help: '具体到门牌号、房间号，应与居住地住址证明一致',
      }),
      region('region', '居住地所在区县', 'District', { ...required }),
      date('since', '来本市居住日期', 'Living here since', {
        ...required,
        help: '在本市居住满半年方可申领',
      }),
      choice('housing', '住所类型', 'Housing', ['自有住房', '租赁住房', '单位宿舍', '亲友住房', '其他'], {
        ...required,
      }),
      choice('grounds', '申领条件', 'Grounds', ['合法稳定就业', '合法稳定住所', '连续就读'], { ...required }),
      text('employer', '就业单位名称', 'Employer', {
        shownWhen: { field: 'grounds', equals: '合法稳定就业' },
        ...required,
      }),
      text('school', '就读学校名称', 'School', {
        shownWhen: { field: 'grounds', equals: '连续就读' },
        ...required,
      }),
      ...deliveryFields('领证方式'),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

/** 无犯罪记录证明申请表: who asks, for what, for whom. */
const NO_CRIMINAL_RECORD: FormDefinition = {
  sections: [
    section('person', '申请人', 'Applicant', personApplicant({ household: true })),
    section('purpose', '开具事由', 'Purpose', [
      choice('purpose', '证明用途', 'Purpose', ['就业', '出国（境）', '入学', '申请资格证书', '其他'], {
        ...required,
        help: '法律法规未规定须提供无犯罪记录证明的，公安机关不予开具',
      }),
      textarea('purposeOther', '具体用途及依据', 'Purpose and legal basis', {
        shownWhen: { field: 'purpose', equals: '其他' },
        ...required,
        validation: { maxLength: 500 },
      }),
      text('receiver', '证明使用单位', 'Receiving organisation', {
        ...required,
        validation: { maxLength: 100 },
      }),
      dateRange('period', '查询期间', 'Period covered', {
        help: '不填写的，查询在本市居住期间的记录',
      }),
      choice(
        'delivery',
        '证明出具方式',
        'How to receive it',
        ['电子证明（可在线核验）', '窗口领取纸质证明'],
        {
          ...required,
        },
      ),
    ]),
    agentSection(),
    promiseSection(TRUE_COPY),
  ],
};

export const POLICE_FORMS: Record<string, FormDefinition> = {
  公章刻制备案: SEAL_FILING,
  居民身份证换领: ID_CARD_RENEWAL,
  '户口迁移（迁入）': HOUSEHOLD_MOVE,
  出生登记: BIRTH_REGISTRATION,
  居住证办理: RESIDENCE_PERMIT,
  无犯罪记录证明开具: NO_CRIMINAL_RECORD,
};
