import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  choice,
  companyApplicant,
  contact,
  creditCode,
  date,
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
 * The application forms of the 交通, 民政, 住建, 教育 and 卫健 matters, after the 道路货物运输经营
 * 申请表 (交通运输部), 申请结婚登记声明书, 建筑工程施工许可证申请表 (住建部), 西安市义务教育阶段入学
 * 报名登记表 and 公共场所卫生许可申请表. Keys of values a result certificate prints are its field keys.
 */
/** 道路货物运输经营申请表: the applicant, the transport it will run, vehicles, drivers and safety. */
const ROAD_FREIGHT: FormDefinition = {
  covers: ['sqb'],
  sections: [
    section('applicant', '申请人', 'Applicant', companyApplicant()),
    section('business', '拟申请经营范围', 'Transport applied for', [
      multiChoice(
        'scope',
        '经营范围',
        'Scope',
        [
          '道路普通货物运输',
          '货物专用运输（集装箱）',
          '货物专用运输（冷藏保鲜设备）',
          '货物专用运输（罐式容器）',
          '大型物件运输',
        ],
        { ...required, help: '使用总质量4500千克及以下普通货运车辆的，无需申请道路货物运输经营许可' },
      ),
      address('parking', '停车场地地址', 'Parking', { ...required }),
      number('parkingArea', '停车场地面积（平方米）', 'Parking area (m²)', {
        validation: { min: 1, max: 1_000_000 },
      }),
    ]),
    section('vehicles', '拟投入车辆', 'Vehicles', [
      table(
        'vehicles',
        '拟投入车辆',
        'Vehicles',
        [
          text('plate', '号牌号码', 'Plate', { help: '已购置车辆填写' }),
          choice(
            'kind',
            '车辆类型',
            'Kind',
            ['重型厢式货车', '重型普通货车', '重型半挂牵引车', '中型货车', '冷藏车', '罐式货车'],
            {
              ...required,
            },
          ),
          number('tonnage', '核定载质量（吨）', 'Payload (t)', {
            ...required,
            validation: { min: 0.1, max: 100 },
          }),
          number('count', '数量（辆）', 'Number', { ...required, validation: { min: 1, max: 500 } }),
        ],
        { ...required, validation: { minItems: 1, maxItems: 50 } },
      ),
      number('drivers', '聘用驾驶人员人数', 'Drivers', {
        ...required,
        help: '驾驶人员应取得相应的道路货物运输驾驶员从业资格证',
        validation: { min: 1, max: 10_000 },
      }),
    ]),
    section('safety', '安全生产管理', 'Safety', [
      text('safetyManager', '安全生产管理人员', 'Safety manager', { ...required }),
      phone('safetyManagerPhone', '安全生产管理人员电话', 'Safety manager phone', { ...required }),
      yesNo('safetyRules', '已建立安全生产管理制度', 'Safety rules in place', { ...required }),
    ]),
    section('contact', '联系方式', 'Contact', contact()),
    promiseSection(`${TRUE_COPY}本单位承诺投入车辆符合国家标准，按规定配备卫星定位装置。`),
  ],
};

const MARITAL_STATUS = ['未婚', '离婚', '丧偶'];

/** 申请结婚登记声明书 (预约登记): both parties and the day chosen; the declaration is signed at the office. */
const MARRIAGE: FormDefinition = {
  sections: [
    section('applicant', '本人', 'Applicant', [
      ...personApplicant({ sex: true, household: true }),
      choice('maritalStatus', '婚姻状况', 'Marital status', MARITAL_STATUS, { ...required }),
    ]),
    section('spouse', '对方', 'Partner', [
      text('spouseName', '对方姓名', "Partner's name", { ...required }),
      idNumber('spouseIdNumber', '对方身份证号码', "Partner's ID number", { ...required }),
      address('spouseAddress', '对方户籍地址', "Partner's household address", { ...required }),
      choice('spouseMaritalStatus', '对方婚姻状况', "Partner's marital status", MARITAL_STATUS, {
        ...required,
      }),
      phone('spousePhone', '对方手机号码', "Partner's mobile phone", { ...required }),
    ]),
    section('appointment', '预约登记', 'Appointment', [
      date('appointmentOn', '预约登记日期', 'Day of the appointment', {
        ...required,
        help: '双方须持本人居民身份证、户口簿，于预约日期共同到婚姻登记机关',
      }),
      choice('slot', '预约时段', 'Time', ['上午（9:00—12:00）', '下午（13:30—17:00）'], { ...required }),
      yesNo('ceremony', '参加颁证仪式', 'Certificate ceremony'),
    ]),
    promiseSection(
      '本人与对方均无配偶，没有直系血亲和三代以内旁系血亲关系，自愿结为夫妻；所填信息真实，如有虚假，愿承担法律责任。',
    ),
  ],
};

/**
 * 建筑工程施工许可证申请表: the builder, the project, the contractor and supervisor, the contract.
 * `projectName`, `location`, `scale`, `contractPrice`, `contractor`, `supervisor` and `period`
 * print on the 施工许可证.
 */
const CONSTRUCTION_PERMIT: FormDefinition = {
  covers: ['sqb'],
  sections: [
    section('builder', '建设单位', 'Builder', companyApplicant({ type: false, nameLabel: '建设单位名称' })),
    section('project', '工程概况', 'Project', [
      text('projectName', '工程名称', 'Project', { ...required, validation: { maxLength: 100 } }),
      address('location', '建设地址', 'Site', { ...required }),
      text('scale', '建设规模', 'Scale', {
        ...required,
        help: '如：总建筑面积12500平方米，地上18层、地下2层',
        validation: { maxLength: 200 },
      }),
      text('planningPermit', '建设工程规划许可证编号', 'Planning permit number', { ...required }),
      money('contractPrice', '合同价格（元）', 'Contract price (yuan)', {
        ...required,
        validation: { min: 1 },
      }),
      number('period', '合同工期（日历天）', 'Contract period (days)', {
        ...required,
        validation: { min: 1, max: 3650 },
      }),
      date('plannedStart', '计划开工日期', 'Planned start', { ...required }),
    ]),
    section('parties', '参建单位', 'Contractor and supervisor', [
      text('contractor', '施工单位', 'Contractor', { ...required }),
      creditCode('contractorCode', '施工单位统一社会信用代码', 'Contractor credit code', { ...required }),
      text('projectManager', '施工单位项目负责人', 'Project manager', { ...required }),
      text('supervisor', '监理单位', 'Supervisor', {
        help: '依法应当实行监理的工程填写',
      }),
      creditCode('supervisorCode', '监理单位统一社会信用代码', 'Supervisor credit code', {
        requiredWhen: { field: 'supervisor', notEmpty: true },
      }),
      text('chiefSupervisor', '总监理工程师', 'Chief supervising engineer', {
        requiredWhen: { field: 'supervisor', notEmpty: true },
      }),
    ]),
    section('contact', '联系方式', 'Contact', contact()),
    promiseSection(`${TRUE_COPY}建设单位承诺已落实建设资金，施工场地已基本具备施工条件。`),
  ],
};

/** 西安市义务教育阶段入学报名登记表: the child, the parent, the grounds of the school place. */
const SCHOOL_ENROLMENT: FormDefinition = {
  sections: [
    section('parent', '监护人', 'Parent', [
      ...personApplicant({ household: true }),
      choice('relation', '与学生关系', 'Relation to the child', ['父亲', '母亲', '其他监护人'], {
        ...required,
      }),
    ]),
    section('child', '学生', 'Child', [
      text('childName', '学生姓名', "Child's name", { ...required }),
      idNumber('childIdNumber', '学生身份证号码', "Child's ID number", { ...required }),
      choice('childSex', '学生性别', "Child's sex", ['男', '女'], { ...required }),
      choice('stage', '报名学段', 'Stage', ['小学一年级', '初中一年级'], { ...required }),
      text('primarySchool', '小学毕业学校', 'Primary school', {
        shownWhen: { field: 'stage', equals: '初中一年级' },
        ...required,
      }),
    ]),
    section('grounds', '入学依据', 'Grounds', [
      choice(
        'grounds',
        '入学类别',
        'Category',
        ['户籍与房产一致', '有房产无户籍', '有户籍无房产', '居住证（随迁子女）'],
        { ...required, help: '按学区划分确定对口学校；随迁子女凭居住证在居住地入学' },
      ),
      address('residence', '实际居住地址', 'Address of residence', {
        ...required,
        binding: 'residenceAddress',
      }),
      region('region', '居住地所在区县', 'District', { ...required }),
      text('propertyCertificateNumber', '房产证明编号', 'Property certificate number', {
        shownWhen: { field: 'grounds', in: ['户籍与房产一致', '有房产无户籍'] },
        ...required,
      }),
      text('residencePermitNumber', '居住证编号', 'Residence permit number', {
        shownWhen: { field: 'grounds', equals: '居住证（随迁子女）' },
        ...required,
      }),
      text('preferredSchool', '意向学校', 'School preferred', {
        help: '对口学校以教育部门公布的学区划分为准',
      }),
    ]),
    promiseSection(`${TRUE_COPY}监护人承诺所报信息真实，如有虚假，自愿取消入学资格。`),
  ],
};

/** 公共场所卫生许可申请表: the operator, the place, what it offers. `premises` and `category` print on the licence. */
const PUBLIC_PLACE_HYGIENE: FormDefinition = {
  covers: ['sqb', 'cn'],
  sections: [
    section('applicant', '申请单位', 'Applicant', companyApplicant()),
    section('place', '经营场所', 'Place', [
      address('premises', '经营场所', 'Premises', {
        ...required,
        binding: 'certificate:yyzz.address',
        help: '已按营业执照住所带出；经营场所与住所不同的请修改',
      }),
      region('region', '经营场所所在区县', 'District', { ...required, binding: 'regionCode' }),
      choice(
        'category',
        '许可项目',
        'Licensed activity',
        [
          '住宿场所',
          '沐浴场所',
          '美容美发场所',
          '游泳场所',
          '影剧院、歌舞厅等文化娱乐场所',
          '商场（店）',
          '候车（机）室',
        ],
        { ...required },
      ),
      number('area', '经营面积（平方米）', 'Floor area (m²)', {
        ...required,
        validation: { min: 1, max: 1_000_000 },
      }),
      number('staff', '从业人员人数', 'Staff', { ...required, validation: { min: 1, max: 10_000 } }),
      number('certifiedStaff', '取得健康合格证明人数', 'Staff with a health certificate', {
        ...required,
        validation: { min: 0, max: 10_000 },
      }),
      yesNo('centralAir', '使用集中空调通风系统', 'Central air conditioning'),
    ]),
    section('contact', '联系方式', 'Contact', contact()),
    promiseSection(
      '本单位承诺经营场所符合国家卫生标准和卫生规范，从业人员均取得有效健康合格证明，并接受卫生健康部门的监督检查（本承诺代替《告知承诺书》）。',
    ),
  ],
};

export const MORE_FORMS: Record<string, FormDefinition> = {
  道路货物运输经营许可: ROAD_FREIGHT,
  内地居民结婚登记: MARRIAGE,
  建筑工程施工许可证核发: CONSTRUCTION_PERMIT,
  义务教育阶段入学报名: SCHOOL_ENROLMENT,
  公共场所卫生许可: PUBLIC_PLACE_HYGIENE,
};
