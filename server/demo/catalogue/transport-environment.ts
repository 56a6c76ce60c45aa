import { BUSINESS_LICENCE, ID_CARD, issued, LEGAL_REPRESENTATIVE_ID, own, shared } from './materials.ts';
import type { DepartmentMatters } from './spec.ts';

const ROAD_TRANSPORT = '《中华人民共和国道路运输条例》';
const EIA_LAW = '《中华人民共和国环境影响评价法》';
const VEHICLES = own('cl', '拟投入车辆承诺书或车辆技术等级评定证明');

/** 西安市交通运输局: road transport licences. */
export const TRANSPORT: DepartmentMatters = {
  department: '交通局',
  sector: '12',
  matters: [
    {
      name: '道路货物运输经营许可',
      type: 'licensing',
      basis: [
        [
          ROAD_TRANSPORT,
          '第二十四条',
          '申请从事货运经营的，应当依法向市场监督管理部门办理有关登记手续后，向县级人民政府交通运输主管部门提出申请。县级人民政府交通运输主管部门应当自受理申请之日起20日内审查完毕，作出许可或者不予许可的决定。',
        ],
      ],
      object: 'company',
      conditions:
        '有与其经营业务相适应并经检测合格的车辆，有符合规定条件的驾驶人员，有健全的安全生产管理制度。',
      limits: [20, 5],
      unit: 'natural_days',
      mode: 'fully_online',
      result: ['certificate', '道路运输经营许可证'],
      themes: ['qualification'],
      keywords: ['道路运输许可证', '货运许可', '物流公司', '运输经营'],
      materials: [
        own('sqb', '道路货物运输经营申请表', { type: 'electronic' }),
        BUSINESS_LICENCE,
        VEHICLES,
        own('jsy', '驾驶人员从业资格证'),
        own('zd', '安全生产管理制度文本', { gap: true }),
      ],
    },
    {
      name: '道路旅客运输经营许可',
      type: 'licensing',
      basis: [
        [
          ROAD_TRANSPORT,
          '第十条',
          '申请从事客运经营的，应当依法向市场监督管理部门办理有关登记手续后，按照规定提出申请。',
        ],
      ],
      object: 'company',
      conditions:
        '有与其经营业务相适应并经检测合格的车辆，有符合条件的驾驶人员，有健全的安全生产管理制度；申请班线经营的还应有明确的线路和站点方案。',
      limits: [20, 15],
      unit: 'natural_days',
      mode: 'more_visits',
      procedures: [
        ['expert_review', 10, '客运线路专家论证'],
        ['hearing', 20, '涉及重大利益的依申请听证'],
      ],
      result: ['certificate', '道路运输经营许可证（客运）'],
      themes: ['qualification', 'travel'],
      keywords: ['客运许可', '班线', '包车客运', '旅游客运'],
      materials: [
        own('sqb', '道路旅客运输经营申请表'),
        BUSINESS_LICENCE,
        VEHICLES,
        own('xl', '客运线路和站点方案'),
        own('zd', '安全生产管理制度文本'),
      ],
    },
    {
      name: '出租汽车驾驶员从业资格证核发',
      type: 'licensing',
      basis: [
        [
          '《出租汽车驾驶员从业资格管理规定》',
          '第十二条',
          '设区的市级交通运输主管部门应当自受理申请之日起……对考试合格的申请人核发从业资格证。',
        ],
      ],
      object: 'person',
      conditions:
        '取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历，无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，已通过从业资格考试。',
      limits: [20, 10],
      mode: 'at_most_once',
      result: ['certificate', '出租汽车驾驶员从业资格证'],
      themes: ['employment', 'travel'],
      keywords: ['网约车司机', '出租车', '从业资格证', '开网约车'],
      materials: [
        ID_CARD,
        issued('jsz', '机动车驾驶证', { type: 'electronic' }),
        shared('wfzm', '无犯罪记录证明'),
        own('zp', '近期免冠照片', { type: 'electronic' }),
      ],
    },
    {
      name: '网络预约出租汽车运输证核发',
      type: 'licensing',
      basis: [
        [
          '《网络预约出租汽车经营服务管理暂行办法》',
          '第十三条',
          '服务所在地出租汽车行政主管部门依车辆所有人或者网约车平台公司申请，按第十二条规定的条件审核后，对符合条件并登记为预约出租客运的车辆，发放《网络预约出租汽车运输证》。',
        ],
      ],
      object: 'both',
      conditions:
        '7座及以下乘用车，安装具有行驶记录功能的车辆卫星定位装置、应急报警装置，车辆技术性能符合运营安全要求。',
      limits: [20, 5],
      mode: 'at_most_once',
      result: ['certificate', '网络预约出租汽车运输证'],
      themes: ['travel'],
      keywords: ['网约车', '网约车运输证', '车辆营运证'],
      materials: [
        own('sqb', '网约车运输证申请表'),
        issued('xsz', '机动车行驶证', { type: 'electronic' }),
        own('jc', '车辆安全技术检验合格证明'),
      ],
    },
    {
      name: '机动车维修经营备案',
      type: 'other_power',
      basis: [
        [
          ROAD_TRANSPORT,
          '第三十七条',
          '从事机动车维修经营业务的，应当在依法向市场监督管理部门办理有关登记手续后，向所在地县级人民政府交通运输主管部门进行备案。',
        ],
      ],
      object: 'company',
      conditions: '有相应的机动车维修场地、设备、设施和技术人员，有健全的维修管理制度和环境保护措施。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '机动车维修经营备案回执'],
      themes: ['qualification', 'business_startup'],
      keywords: ['修车店', '汽修', '维修备案', '开汽修厂'],
      materials: [
        own('bab', '机动车维修经营备案表', { type: 'electronic' }),
        BUSINESS_LICENCE,
        own('cs', '经营场地、停车场面积材料'),
        own('sb', '维修设备设施清单'),
      ],
    },
    {
      name: '超限运输车辆行驶公路许可',
      type: 'licensing',
      basis: [
        [
          '《公路安全保护条例》',
          '第三十五条',
          '车辆载运不可解体物品，车货总体的外廓尺寸或者总质量超过公路、公路桥梁、公路隧道的限载、限高、限宽、限长标准，确需在公路、公路桥梁、公路隧道行驶的，从事运输的单位和个人应当向公路管理机构申请公路超限运输许可。',
        ],
      ],
      object: 'both',
      conditions: '载运不可解体物品，车货总体超过限定标准，已制定运输方案。',
      limits: [5, 2],
      mode: 'fully_online',
      result: ['approval_document', '超限运输车辆通行证'],
      themes: ['travel', 'construction'],
      keywords: ['超限运输', '大件运输', '通行证'],
      materials: [
        own('sqb', '公路超限运输申请表', { type: 'electronic' }),
        own('fa', '车货总体外廓尺寸、总质量、轴荷数据和示意图'),
        LEGAL_REPRESENTATIVE_ID,
      ],
    },
  ],
};

/** 西安市生态环境局: pollutant discharge and environmental impact. */
export const ECOLOGY_ENVIRONMENT: DepartmentMatters = {
  department: '生态环境局',
  sector: '13',
  matters: [
    {
      name: '排污许可证核发',
      type: 'licensing',
      basis: [
        [
          '《排污许可管理条例》',
          '第十一条',
          '审批部门应当自受理申请之日起20日内作出审批决定；对实行排污许可重点管理的排污单位，审批部门可以组织技术机构对排污许可证申请材料进行技术评估，并承担相应费用。',
        ],
      ],
      object: 'company',
      conditions:
        '依法取得建设项目环境影响报告书（表）批准文件或办理环境影响登记备案，污染物排放符合排放标准和重点污染物排放总量控制要求。',
      limits: [20, 10],
      unit: 'natural_days',
      mode: 'fully_online',
      procedures: [['expert_review', 10, '重点管理单位技术评估']],
      result: ['certificate', '排污许可证'],
      themes: ['environment', 'qualification'],
      keywords: ['排污许可', '排污证', '污染物排放', '环保许可'],
      materials: [
        own('sqb', '排污许可证申请表', { type: 'electronic', form: '全国排污许可证管理信息平台填报' }),
        own('cn', '守法承诺书'),
        shared('hp', '环境影响评价审批文件'),
        BUSINESS_LICENCE,
      ],
    },
    {
      name: '建设项目环境影响报告书审批',
      type: 'licensing',
      basis: [
        [
          EIA_LAW,
          '第二十二条',
          '审批部门应当自收到环境影响报告书之日起六十日内，收到环境影响报告表之日起三十日内，分别作出审批决定并书面通知建设单位。',
        ],
      ],
      object: 'company',
      conditions: '建设项目可能造成重大环境影响，已编制环境影响报告书并依法开展公众参与。',
      limits: [60, 30],
      unit: 'natural_days',
      mode: 'at_most_once',
      procedures: [
        ['expert_review', 15, '技术评估'],
        ['public_notice', 10, '受理公示和拟批准公示'],
      ],
      result: ['approval_document', '环境影响报告书批复'],
      themes: ['environment', 'construction'],
      keywords: ['环评', '环评审批', '环境影响评价', '环评报告书'],
      materials: [
        own('sqs', '建设项目环境影响评价审批申请'),
        own('bgs', '环境影响报告书（全本）', { type: 'electronic' }),
        own('gz', '公众参与说明'),
        own('cn', '建设单位承诺书'),
      ],
    },
    {
      name: '建设项目环境影响报告表审批',
      type: 'licensing',
      basis: [
        [
          EIA_LAW,
          '第二十二条',
          '审批部门应当自收到环境影响报告表之日起三十日内作出审批决定并书面通知建设单位。',
        ],
      ],
      object: 'company',
      conditions: '建设项目可能造成轻度环境影响，已编制环境影响报告表。',
      limits: [30, 10],
      unit: 'natural_days',
      mode: 'fully_online',
      procedures: [['public_notice', 5, '拟批准公示']],
      promise: true,
      result: ['approval_document', '环境影响报告表批复'],
      themes: ['environment', 'construction'],
      keywords: ['环评', '环评报告表', '环评审批'],
      materials: [
        own('sqs', '建设项目环境影响评价审批申请', { type: 'electronic' }),
        own('bgb', '环境影响报告表', { type: 'electronic' }),
      ],
      regions: ['610100', '610102'],
    },
    {
      name: '建设项目环境影响登记表备案',
      type: 'other_power',
      basis: [[EIA_LAW, '第十六条', '对环境影响很小、不需要进行环境影响评价的，应当填报环境影响登记表。']],
      object: 'company',
      conditions: '列入《建设项目环境影响评价分类管理名录》登记表类别的建设项目。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '建设项目环境影响登记表备案回执'],
      themes: ['environment', 'construction'],
      keywords: ['环评登记表', '环评备案'],
      materials: [own('djb', '建设项目环境影响登记表', { type: 'electronic', form: '在线填报' })],
    },
    {
      name: '固定污染源排污登记',
      type: 'other_power',
      basis: [
        [
          '《排污许可管理条例》',
          '第二十四条',
          '污染物产生量、排放量和对环境的影响程度都很小的企业事业单位和其他生产经营者，应当填报排污登记表，不需要申请取得排污许可证。',
        ],
      ],
      object: 'company',
      conditions: '纳入排污许可登记管理的排污单位。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '固定污染源排污登记回执'],
      themes: ['environment'],
      keywords: ['排污登记', '排污登记表', '小微企业环保'],
      materials: [own('djb', '固定污染源排污登记表', { type: 'electronic', form: '在线填报' })],
    },
  ],
};
