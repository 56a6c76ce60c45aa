import { AGENT_AUTHORISATION, BUSINESS_LICENCE, ID_CARD, issued, own } from './materials.ts';
import type { DepartmentMatters } from './spec.ts';

export const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';
const PHOTO = own('zp', '近期免冠证件照片', { type: 'electronic' });
export const BANK_CARD = own('yhk', '本人银行账户信息', { type: 'electronic' });

/** 西安市人力资源和社会保障局: social insurance, employment and labour. */
export const HUMAN_RESOURCES: DepartmentMatters = {
  department: '人社局',
  sector: '04',
  matters: [
    {
      name: '社会保险登记（单位参保登记）',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          SOCIAL_INSURANCE_LAW,
          '第五十七条',
          '用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件。',
        ],
      ],
      object: 'company',
      conditions: '在本市依法设立的用人单位，自成立之日起三十日内办理；企业开办“一网通办”时同步完成。',
      limits: [15, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '社会保险登记回执'],
      themes: ['business_startup', 'employment_hiring'],
      keywords: ['社保开户', '社保登记', '单位参保', '社保', '开办企业'],
      materials: [BUSINESS_LICENCE, own('djb', '社会保险登记表', { type: 'electronic', form: '在线填报' })],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '就业登记',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          '《就业服务与就业管理规定》',
          '第六十二条',
          '劳动者被用人单位招用的，由用人单位为劳动者办理就业登记。用人单位招用劳动者和与劳动者终止或者解除劳动关系，应当到当地公共就业服务机构备案，为劳动者办理就业登记手续。',
        ],
      ],
      object: 'both',
      conditions:
        '在法定劳动年龄内、有劳动能力和就业愿望并已实现就业的劳动者；用人单位招用人员之日起30日内办理。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['other', '就业登记信息'],
      themes: ['employment', 'employment_hiring'],
      keywords: ['就业', '招工备案', '用工备案', '入职登记', '灵活就业'],
      materials: [ID_CARD, own('ldht', '劳动合同或用工证明', { condition: '单位招用人员的' })],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '失业登记',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          '《就业服务与就业管理规定》',
          '第六十三条',
          '在法定劳动年龄内，有劳动能力，有就业要求，处于无业状态的城镇常住人员，可以到常住地的公共就业服务机构进行失业登记。',
        ],
      ],
      object: 'person',
      conditions: '在法定劳动年龄内，有劳动能力、有就业要求、处于无业状态的常住人员。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['other', '失业登记信息（就业创业证）'],
      themes: ['employment', 'social_security'],
      keywords: ['失业', '失业登记', '下岗', '没工作'],
      materials: [ID_CARD],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '失业保险金申领',
      type: 'benefit',
      basis: [
        [
          '《失业保险条例》',
          '第十四条、第十六条',
          '城镇企业事业单位应当及时为失业人员出具终止或者解除劳动关系的证明……失业人员应当持本单位为其出具的终止或者解除劳动关系的证明，及时到指定的社会保险经办机构办理失业登记。',
        ],
      ],
      object: 'person',
      conditions:
        '失业前用人单位和本人已缴纳失业保险费满一年，非因本人意愿中断就业，已办理失业登记并有求职要求。',
      limits: [10, 3],
      mode: 'fully_online',
      result: ['other', '失业保险金核定结果'],
      themes: ['employment', 'social_security'],
      keywords: ['失业金', '失业保险', '领失业金'],
      materials: [
        ID_CARD,
        issued('jczm', '解除或终止劳动关系证明', { type: 'electronic', notes: '用人单位网上报送' }),
        BANK_CARD,
      ],
      regions: ['610100', '610102'],
    },
    {
      name: '企业职工基本养老保险关系转移接续',
      type: 'public_service',
      basis: [
        [
          '《城镇企业职工基本养老保险关系转移接续暂行办法》',
          '第八条',
          '新参保地社保经办机构在15个工作日内，审核转移接续申请……转出地社保经办机构在15个工作日内办理好转移接续的各项手续。',
        ],
      ],
      object: 'person',
      conditions: '跨统筹地区流动就业并在新就业地参保的参保人员。',
      limits: [15, 7],
      mode: 'fully_online',
      result: ['other', '基本养老保险关系转移接续联系函'],
      themes: ['social_security', 'retirement'],
      keywords: ['社保转移', '养老保险转移', '社保转入', '跨省转社保'],
      materials: [ID_CARD],
    },
    {
      name: '社会保障卡申领',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          SOCIAL_INSURANCE_LAW,
          '第五十八条',
          '国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。',
        ],
      ],
      object: 'person',
      conditions: '在本市参加社会保险的人员；在服务大厅可即时制卡。',
      limits: [30, 0],
      unit: 'natural_days',
      mode: 'on_the_spot',
      result: ['certificate', '社会保障卡'],
      themes: ['social_security', 'medical'],
      keywords: ['社保卡', '办社保卡', '补社保卡', '社保卡丢了', '即时制卡'],
      materials: [ID_CARD, PHOTO],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '劳务派遣经营许可',
      type: 'licensing',
      basis: [
        [
          '《中华人民共和国劳动合同法》',
          '第五十七条',
          '经营劳务派遣业务，应当向劳动行政部门依法申请行政许可；经许可的，依法办理相应的公司登记。',
        ],
        [
          '《劳务派遣行政许可实施办法》',
          '第十条',
          '许可机关应当自受理之日起20个工作日内作出是否准予行政许可的决定。',
        ],
      ],
      object: 'company',
      conditions:
        '注册资本不少于人民币二百万元，有与开展业务相适应的固定经营场所和设施，有符合法律、行政法规规定的劳务派遣管理制度。',
      limits: [20, 10],
      mode: 'at_most_once',
      result: ['certificate', '劳务派遣经营许可证'],
      themes: ['qualification', 'employment_hiring'],
      keywords: ['劳务派遣', '派遣许可', '人力资源公司'],
      materials: [
        own('sqs', '劳务派遣经营许可申请书'),
        BUSINESS_LICENCE,
        own('cs', '经营场所使用证明'),
        own('zd', '劳务派遣管理制度', { gap: true }),
      ],
    },
    {
      name: '企业职工基本养老金申领',
      type: 'benefit',
      basis: [
        [
          SOCIAL_INSURANCE_LAW,
          '第十六条',
          '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。',
        ],
      ],
      object: 'person',
      conditions: '达到法定退休年龄、累计缴费满十五年的参保人员。',
      limits: [20, 10],
      mode: 'fully_online',
      result: ['other', '基本养老金核定表'],
      themes: ['retirement', 'social_security'],
      keywords: ['退休', '办退休', '养老金', '领养老金', '退休手续'],
      materials: [ID_CARD, issued('da', '职工档案', { notes: '由档案保管机构调取' }), BANK_CARD],
    },
    {
      name: '工伤认定',
      type: 'confirmation',
      basis: [
        [
          '《工伤保险条例》',
          '第二十条',
          '社会保险行政部门应当自受理工伤认定申请之日起60日内作出工伤认定的决定，并书面通知申请工伤认定的职工或者其近亲属和该职工所在单位。',
        ],
      ],
      object: 'both',
      conditions:
        '职工发生事故伤害或者被诊断、鉴定为职业病，所在单位自事故伤害发生之日起30日内提出申请；单位未申请的，职工或近亲属1年内提出。',
      limits: [60, 30],
      unit: 'natural_days',
      mode: 'more_visits',
      procedures: [['inspection', 30, '需要调查核实的，调查时间不计入时限']],
      result: ['approval_document', '认定工伤决定书'],
      themes: ['employment', 'social_security', 'employment_hiring'],
      keywords: ['工伤', '工伤认定', '上班受伤', '职业病'],
      materials: [
        own('sqb', '工伤认定申请表'),
        own('ldgx', '劳动关系证明（劳动合同等）'),
        own('zd', '医疗诊断证明或职业病诊断证明书'),
        ID_CARD,
      ],
    },
    {
      name: '劳动能力鉴定',
      type: 'confirmation',
      basis: [
        [
          '《工伤保险条例》',
          '第二十五条',
          '设区的市级劳动能力鉴定委员会应当自收到劳动能力鉴定申请之日起60日内作出劳动能力鉴定结论，必要时，作出劳动能力鉴定结论的期限可以延长30日。',
        ],
      ],
      object: 'person',
      conditions: '已认定工伤、经治疗伤情相对稳定后存在残疾、影响劳动能力的职工。',
      limits: [60, 40],
      unit: 'natural_days',
      mode: 'more_visits',
      procedures: [['expert_review', 30, '专家现场鉴定，必要时延长30日']],
      result: ['approval_document', '劳动能力鉴定结论书'],
      themes: ['social_security'],
      keywords: ['伤残鉴定', '劳动能力', '工伤鉴定'],
      materials: [
        own('sqb', '劳动能力鉴定申请表'),
        issued('gsrd', '认定工伤决定书', { type: 'electronic' }),
        own('bl', '完整的病历材料'),
        ID_CARD,
      ],
    },
    {
      name: '创业担保贷款申请',
      type: 'benefit',
      basis: [
        [
          '《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》',
          '财金〔2020〕21号',
          '符合条件的个人创业担保贷款最高额度为20万元，小微企业最高300万元，按规定给予贴息。',
        ],
      ],
      object: 'both',
      conditions: '高校毕业生、退役军人、城镇登记失业人员等重点群体创业者，或符合条件的小微企业。',
      limits: [15, 10],
      mode: 'at_most_once',
      result: ['approval_document', '创业担保贷款审核意见'],
      themes: ['employment', 'business_startup'],
      keywords: ['创业贷款', '贴息贷款', '创业补贴'],
      materials: [ID_CARD, BUSINESS_LICENCE, own('jh', '创业计划书'), AGENT_AUTHORISATION],
    },
  ],
};
