import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  agentSection,
  choice,
  companyApplicant,
  contact,
  contactPhone,
  creditCode,
  date,
  fixed,
  idNumber,
  multiChoice,
  number,
  phone,
  promiseSection,
  region,
  required,
  section,
  TRUE_COPY,
  table,
  text,
  textarea,
  yesNo,
} from './fields.ts';

/*
 * The application forms of the 市场监管局's registrations, after the national forms: 公司登记（备案）
 * 申请书, 个体工商户登记（备案）申请书 and 注销登记申请书 (市场监管总局, 2022). Keys of values the
 * 营业执照 prints are its field keys.
 */

const ENTITY_TYPES = [
  '有限责任公司（自然人投资或控股）',
  '有限责任公司（自然人独资）',
  '有限责任公司（法人独资）',
  '有限责任公司（非自然人投资或控股的法人独资）',
  '股份有限公司（非上市、自然人投资或控股）',
];

const BUSINESS_TERM = {
  pattern: '长期|[1-9][0-9]?年',
  patternMessage: '营业期限请填写“长期”或年数，如“20年”',
  patternMessageEn: '长期 (no end) or a number of years, such as 20年',
};

const SCOPE_HELP =
  '按《经营范围登记规范表述目录》选择规范表述填写，多项之间用“；”分隔；许可项目须在取得许可后方可经营';

/** 公司登记（备案）申请书: the company to be founded, its representative, shareholders and officers. */
const COMPANY_FOUNDING: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('company', '公司基本信息', 'Company', [
      text('entityName', '公司名称', 'Company name', {
        ...required,
        help: '由行政区划、字号、行业、组织形式依次组成，如：西安秦味餐饮管理有限公司；提交前系统自动比对名称是否可用',
        validation: { minLength: 6, maxLength: 50 },
      }),
      choice('entityType', '公司类型', 'Type of company', ENTITY_TYPES, { ...required }),
      address('address', '住所', 'Registered address', {
        ...required,
        help: '具体到门牌号、房间号，如：陕西省西安市新城区长乐中路128号3层301室',
      }),
      region('region', '住所所在区县', 'District of the address', { ...required }),
      address('premises', '生产经营地址', 'Place of business', {
        help: '与住所不一致的填写',
      }),
      text('registeredCapital', '注册资本', 'Registered capital', {
        ...required,
        help: '全体股东认缴的出资额之和，如：100万元人民币；有限责任公司股东应在公司成立之日起五年内缴足',
        validation: { maxLength: 30 },
      }),
      textarea('businessScope', '经营范围', 'Business scope', {
        ...required,
        help: SCOPE_HELP,
        validation: { minLength: 2, maxLength: 2000 },
      }),
      text('businessTerm', '营业期限', 'Business term', {
        ...required,
        help: '填写“长期”或年数',
        validation: BUSINESS_TERM,
      }),
      contactPhone('公司联系电话'),
    ]),
    section('representative', '法定代表人', 'Legal representative', [
      text('legalRepresentative', '法定代表人姓名', 'Legal representative', { ...required }),
      idNumber('legalRepresentativeIdNumber', '法定代表人身份证号码', 'ID number', { ...required }),
      phone('legalRepresentativePhone', '法定代表人移动电话', 'Mobile phone', { ...required }),
      choice('legalRepresentativeRole', '法定代表人职务', 'Position', ['董事长', '执行董事', '经理'], {
        ...required,
      }),
    ]),
    section('shareholders', '股东（发起人）出资情况', 'Shareholders', [
      table(
        'shareholders',
        '股东（发起人）',
        'Shareholders',
        [
          text('name', '股东名称或姓名', 'Name', { ...required }),
          choice('kind', '股东类型', 'Kind', ['自然人', '企业法人', '其他组织'], { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', {
            shownWhen: { field: 'kind', equals: '自然人' },
            ...required,
          }),
          creditCode('creditCode', '统一社会信用代码', 'Credit code', {
            shownWhen: { not: { field: 'kind', equals: '自然人' } },
            ...required,
          }),
          number('subscribed', '认缴出资额（万元）', 'Subscribed (10 000 yuan)', {
            ...required,
            validation: { min: 0.01, max: 10_000_000 },
          }),
          choice(
            'method',
            '出资方式',
            'Form of contribution',
            ['货币', '实物', '知识产权', '土地使用权', '股权'],
            {
              ...required,
            },
          ),
          date('dueOn', '出资期限', 'Paid in by', { ...required, help: '不得超过公司成立之日起五年' }),
        ],
        { ...required, validation: { minItems: 1, maxItems: 50 } },
      ),
    ]),
    section('officers', '董事、监事、经理', 'Directors, supervisors and manager', [
      table(
        'officers',
        '董事、监事、经理',
        'Officers',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          choice(
            'position',
            '职务',
            'Position',
            ['董事长', '董事', '执行董事', '监事会主席', '监事', '经理', '职工董事', '职工监事'],
            { ...required },
          ),
          choice('appointedBy', '产生方式', 'Appointed by', ['选举', '委派', '聘任'], { ...required }),
        ],
        { ...required, validation: { minItems: 2, maxItems: 30 } },
      ),
    ]),
    section('contacts', '联络员和财务负责人', 'Liaison and finance officer', [
      text('liaisonName', '联络员姓名', 'Liaison', { ...required }),
      idNumber('liaisonIdNumber', '联络员身份证号码', 'Liaison ID number', { ...required }),
      phone('liaisonPhone', '联络员移动电话', 'Liaison phone', { ...required }),
      text('financeName', '财务负责人姓名', 'Finance officer', { ...required }),
      phone('financePhone', '财务负责人移动电话', 'Finance officer phone', { ...required }),
    ]),
    agentSection(),
    promiseSection(
      `${TRUE_COPY}本公司已知晓公司登记实行形式审查，对申请材料的真实性、合法性、有效性负责，并知晓股东出资期限不得超过五年。`,
    ),
  ],
};

const CHANGES = ['名称', '住所', '法定代表人', '注册资本', '经营范围', '营业期限', '公司类型'] as const;
const changes = (item: (typeof CHANGES)[number]) => ({ field: 'changes', equals: item });

/**
 * 公司登记（备案）申请书, for a change: what changes, and the registered items as they will read,
 * each filled in from the current 营业执照 and corrected by the applicant where it changes.
 */
const COMPANY_CHANGE: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('company', '企业基本信息', 'Company', [
      text('entityName', '企业名称', 'Company name', { ...required, ...fixed, binding: 'entityName' }),
      creditCode('creditCode', '统一社会信用代码', 'Credit code', {
        ...required,
        ...fixed,
        binding: 'creditCode',
      }),
      multiChoice('changes', '变更事项', 'What changes', CHANGES, { ...required }),
      date('resolvedOn', '变更决议（决定）作出日期', 'Resolution dated', {
        ...required,
        help: '应自作出变更决议或决定之日起30日内申请变更登记',
      }),
    ]),
    section(
      'after',
      '变更后登记事项',
      'Registered items after the change',
      [
        text('newName', '变更后名称', 'New name', {
          shownWhen: changes('名称'),
          ...required,
          validation: { minLength: 6, maxLength: 50 },
        }),
        address('address', '住所', 'Registered address', {
          shownWhen: changes('住所'),
          ...required,
          binding: 'certificate:yyzz.address',
        }),
        text('legalRepresentative', '法定代表人', 'Legal representative', {
          shownWhen: changes('法定代表人'),
          ...required,
          binding: 'certificate:yyzz.legalRepresentative',
        }),
        idNumber(
          'legalRepresentativeIdNumber',
          '新任法定代表人身份证号码',
          'ID number of the new representative',
          {
            shownWhen: changes('法定代表人'),
            ...required,
          },
        ),
        text('registeredCapital', '注册资本', 'Registered capital', {
          shownWhen: changes('注册资本'),
          ...required,
          binding: 'certificate:yyzz.registeredCapital',
          validation: { maxLength: 30 },
        }),
        textarea('businessScope', '经营范围', 'Business scope', {
          shownWhen: changes('经营范围'),
          ...required,
          binding: 'certificate:yyzz.businessScope',
          help: SCOPE_HELP,
          validation: { minLength: 2, maxLength: 2000 },
        }),
        text('businessTerm', '营业期限', 'Business term', {
          ...required,
          binding: 'certificate:yyzz.businessTerm',
          help: '不变更的保持原营业期限',
          validation: { maxLength: 30 },
        }),
        choice('entityType', '公司类型', 'Type of company', ENTITY_TYPES, {
          shownWhen: changes('公司类型'),
          ...required,
        }),
      ],
      '各项已按现营业执照带出，请修改变更的事项',
    ),
    section('contact', '联系方式', 'Contact', contact('经办人')),
    agentSection(),
    promiseSection(TRUE_COPY),
  ],
};

/** 注销登记申请书: the company, how and why it closes, its liquidation. */
const COMPANY_CLOSURE: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('company', '企业基本信息', 'Company', companyApplicant({ nameLabel: '企业名称' })),
    section('closure', '注销信息', 'Closure', [
      choice('procedure', '注销方式', 'Procedure', ['简易注销', '普通注销'], {
        ...required,
        help: '未发生债权债务或已将债权债务清偿完结、未发生或已结清清偿费用、职工工资、社会保险费用、法定补偿金和应缴纳税款的，可申请简易注销',
      }),
      choice(
        'reason',
        '注销原因',
        'Reason',
        [
          '股东会决议解散',
          '营业期限届满',
          '依法被吊销营业执照、责令关闭或者被撤销',
          '人民法院依法予以解散',
          '其他',
        ],
        { ...required },
      ),
      text('reasonOther', '其他注销原因', 'Other reason', {
        shownWhen: { field: 'reason', equals: '其他' },
        ...required,
      }),
      date('noticeOn', '简易注销公告日期', 'Simplified closure announced on', {
        shownWhen: { field: 'procedure', equals: '简易注销' },
        ...required,
        help: '公告期20日，公告期满无异议后申请',
      }),
      date('creditorNoticeOn', '债权人公告日期', 'Creditors notified on', {
        shownWhen: { field: 'procedure', equals: '普通注销' },
        ...required,
        help: '清算组自成立之日起60日内在国家企业信用信息公示系统公告',
      }),
      table(
        'liquidators',
        '清算组成员',
        'Liquidation committee',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          choice('role', '职务', 'Role', ['清算组负责人', '清算组成员'], { ...required }),
          phone('phone', '联系电话', 'Phone'),
        ],
        {
          shownWhen: { field: 'procedure', equals: '普通注销' },
          ...required,
          validation: { minItems: 1, maxItems: 20 },
        },
      ),
      yesNo('debtsSettled', '债权债务已清偿完结', 'Debts settled', { ...required }),
      yesNo('taxesSettled', '应缴税款、社会保险费已结清', 'Taxes and social insurance settled', {
        ...required,
      }),
    ]),
    section('contact', '联系方式', 'Contact', contact('经办人')),
    promiseSection(
      `${TRUE_COPY}本企业承诺已依法清算，不存在未结清的债权债务；如违背承诺，全体投资人自愿承担相应法律责任。`,
    ),
  ],
};

/** 个体工商户登记（备案）申请书: the owner, the shop, its place and business. */
const INDIVIDUAL_BUSINESS: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('owner', '经营者信息', 'Owner', [
      text('legalRepresentative', '经营者姓名', 'Owner', { ...required, ...fixed, binding: 'personName' }),
      idNumber('personIdNumber', '经营者身份证号码', 'Owner ID number', {
        ...required,
        ...fixed,
        binding: 'personIdNumber',
      }),
      choice('sex', '性别', 'Sex', ['男', '女'], { ...fixed, binding: 'personSex' }),
      phone('mobilePhone', '移动电话', 'Mobile phone', { ...required, binding: 'mobilePhone' }),
      address('personAddress', '住所（户籍地址）', 'Home address', { binding: 'personAddress' }),
    ]),
    section('shop', '个体工商户信息', 'Business', [
      text('entityName', '个体工商户名称', 'Name of the business', {
        help: '可以不使用名称；使用名称的由行政区划、字号、行业、组织形式依次组成，如：西安市新城区秦味面馆',
        validation: { maxLength: 50 },
      }),
      choice('entityType', '组成形式', 'Form', ['个体工商户（个人经营）', '个体工商户（家庭经营）'], {
        ...required,
      }),
      table(
        'family',
        '参加经营的家庭成员',
        'Family members in the business',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          choice('relation', '与经营者关系', 'Relation', ['配偶', '子女', '父母', '兄弟姐妹', '其他'], {
            ...required,
          }),
        ],
        {
          shownWhen: { field: 'entityType', equals: '个体工商户（家庭经营）' },
          ...required,
          validation: { minItems: 1, maxItems: 10 },
        },
      ),
      address('address', '经营场所', 'Place of business', {
        ...required,
        help: '具体到门牌号，如：陕西省西安市新城区东七路18号',
      }),
      region('region', '经营场所所在区县', 'District', { ...required }),
      text('registeredCapital', '资金数额', 'Capital', {
        help: '如：5万元',
        validation: { maxLength: 30 },
      }),
      textarea('businessScope', '经营范围', 'Business scope', {
        ...required,
        help: SCOPE_HELP,
        validation: { minLength: 2, maxLength: 1000 },
      }),
      number('staff', '从业人数', 'Staff', { validation: { min: 1, max: 1000 } }),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

export const MARKET_FORMS: Record<string, FormDefinition> = {
  企业设立登记: COMPANY_FOUNDING,
  企业变更登记: COMPANY_CHANGE,
  企业注销登记: COMPANY_CLOSURE,
  个体工商户设立登记: INDIVIDUAL_BUSINESS,
};
