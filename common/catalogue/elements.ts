/** Codes and labels of the national data elements of 政务服务事项 used by the catalogue. */

export const MATTER_TYPES = [
  'licensing', // 行政许可
  'benefit', // 行政给付
  'confirmation', // 行政确认
  'levy', // 行政征收
  'adjudication', // 行政裁决
  'reward', // 行政奖励
  'other_power', // 其他行政权力
  'public_service', // 公共服务
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const EXERCISING_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const;
export type ExercisingLevel = (typeof EXERCISING_LEVELS)[number];

export const SERVICE_OBJECTS = ['person', 'company', 'both'] as const;
export type ServiceObject = (typeof SERVICE_OBJECTS)[number];

/** 即办件 / 承诺件 / 上报件 */
export const CASE_TYPES = ['immediate', 'promised', 'escalated'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const LIMIT_UNITS = ['working_days', 'natural_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** 全程网办 / 最多跑一次 / 跑一次 (more visits) / 即办 */
export const REALISATION_MODES = ['fully_online', 'at_most_once', 'more_visits', 'on_the_spot'] as const;
export type RealisationMode = (typeof REALISATION_MODES)[number];

export const CHANNELS = ['online', 'counter', 'kiosk', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SPECIAL_PROCEDURES = [
  'hearing',
  'inspection',
  'expert_review',
  'public_notice',
  'testing',
] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

export const STEP_NAMES = ['accept', 'review', 'decide', 'conclude', 'deliver'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export const MATERIAL_TYPES = ['original', 'copy', 'electronic'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** Where a material comes from: the applicant; issued by a department; an e-certificate; an earlier case. */
export const MATERIAL_SOURCES = ['applicant', 'department', 'e_certificate', 'shared_case'] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];

export const RESULT_TYPES = ['certificate', 'approval_document', 'filing_receipt', 'other'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export const DELIVERY_OPTIONS = ['window_pickup', 'post', 'electronic'] as const;
export type DeliveryOption = (typeof DELIVERY_OPTIONS)[number];

/** Theme tags: life events of persons and themes of companies. */
export const PERSON_THEMES = [
  'birth', // 生育收养
  'education', // 教育
  'employment', // 就业创业
  'marriage', // 婚姻登记
  'housing', // 住房
  'social_security', // 社会保障
  'medical', // 医疗卫生
  'travel', // 交通出行
  'household', // 户籍办理
  'retirement', // 退休养老
  'death', // 死亡殡葬
] as const;
export const COMPANY_THEMES = [
  'business_startup', // 开办企业
  'construction', // 工程建设
  'business_change', // 变更登记
  'tax', // 纳税缴费
  'qualification', // 资质认定
  'employment_hiring', // 用工招聘
  'environment', // 环境保护
  'business_closure', // 注销退出
] as const;
export const THEMES = [...PERSON_THEMES, ...COMPANY_THEMES] as const;
export type Theme = (typeof THEMES)[number];

/** Version life cycle: draft → under_review → published → superseded | retired. */
export const VERSION_STATUSES = ['draft', 'under_review', 'published', 'superseded', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const LABELS = {
  matterType: {
    licensing: '行政许可',
    benefit: '行政给付',
    confirmation: '行政确认',
    levy: '行政征收',
    adjudication: '行政裁决',
    reward: '行政奖励',
    other_power: '其他行政权力',
    public_service: '公共服务',
  },
  exercisingLevel: { national: '国家级', provincial: '省级', city: '市级', county: '县级', township: '乡级' },
  serviceObject: { person: '自然人', company: '法人', both: '自然人、法人' },
  caseType: { immediate: '即办件', promised: '承诺件', escalated: '上报件' },
  limitUnit: { working_days: '工作日', natural_days: '自然日' },
  realisationMode: {
    fully_online: '全程网办',
    at_most_once: '最多跑一次',
    more_visits: '跑动多次',
    on_the_spot: '即办',
  },
  channel: { online: '网上办理', counter: '窗口办理', kiosk: '自助终端', mobile: '移动端' },
  specialProcedure: {
    hearing: '听证',
    inspection: '现场勘验',
    expert_review: '专家评审',
    public_notice: '公示',
    testing: '检验检测',
  },
  step: { accept: '受理', review: '审查', decide: '决定', conclude: '办结', deliver: '送达' },
  materialType: { original: '原件', copy: '复印件', electronic: '电子材料' },
  materialSource: {
    applicant: '申请人自备',
    department: '政府部门核发',
    e_certificate: '电子证照',
    shared_case: '前序办件共享',
  },
  resultType: {
    certificate: '证照',
    approval_document: '批准文书',
    filing_receipt: '备案回执',
    other: '其他',
  },
  delivery: { window_pickup: '窗口领取', post: '邮寄送达', electronic: '电子送达' },
  theme: {
    birth: '生育收养',
    education: '教育',
    employment: '就业创业',
    marriage: '婚姻登记',
    housing: '住房',
    social_security: '社会保障',
    medical: '医疗卫生',
    travel: '交通出行',
    household: '户籍办理',
    retirement: '退休养老',
    death: '死亡殡葬',
    business_startup: '开办企业',
    construction: '工程建设',
    business_change: '变更登记',
    tax: '纳税缴费',
    qualification: '资质认定',
    employment_hiring: '用工招聘',
    environment: '环境保护',
    business_closure: '注销退出',
  },
  versionStatus: {
    draft: '草稿',
    under_review: '待审核',
    published: '已发布',
    superseded: '已被替代',
    retired: '已停用',
  },
} as const;
