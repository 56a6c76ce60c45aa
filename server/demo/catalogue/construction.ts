import {
  BUSINESS_LICENCE,
  ID_CARD,
  issued,
  LEGAL_REPRESENTATIVE_ID,
  own,
  PROPERTY_CERTIFICATE,
  shared,
} from './materials.ts';
import { type DepartmentMatters, fee } from './spec.ts';

const PLANNING_PERMIT = shared('ghxk', '建设工程规划许可证', { notes: '工程建设项目审批管理系统共享' });
const CONSTRUCTION_LAW = '《中华人民共和国建筑法》';

/** 西安市住房和城乡建设局: construction permits, housing, drainage. */
export const HOUSING_CONSTRUCTION: DepartmentMatters = {
  department: '住建局',
  sector: '08',
  matters: [
    {
      name: '建筑工程施工许可证核发',
      type: 'licensing',
      basis: [
        [
          CONSTRUCTION_LAW,
          '第七条',
          '建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证。',
        ],
        [
          '《建筑工程施工许可管理办法》',
          '第五条',
          '发证机关应当自收到申请之日起七日内，对符合条件的申请颁发施工许可证。',
        ],
      ],
      object: 'company',
      conditions:
        '已办理用地批准手续和建设工程规划许可证，施工场地已基本具备施工条件，已确定施工企业，有保证工程质量和安全的具体措施。',
      limits: [7, 3],
      mode: 'at_most_once',
      promise: true,
      result: ['certificate', '建筑工程施工许可证'],
      themes: ['construction'],
      keywords: ['施工许可证', '开工许可', '施工证', '工程建设', '开工'],
      materials: [
        own('sqb', '建筑工程施工许可证申请表', { type: 'electronic' }),
        PLANNING_PERMIT,
        PROPERTY_CERTIFICATE,
        own('htb', '施工合同及中标通知书'),
        own('zlaq', '保证工程质量和安全的具体措施', { gap: true }),
      ],
      regions: ['610100', '610102'],
    },
    {
      name: '城镇污水排入排水管网许可证核发',
      type: 'licensing',
      basis: [
        [
          '《城镇排水与污水处理条例》',
          '第二十一条',
          '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水的，应当向城镇排水主管部门申请领取污水排入排水管网许可证。',
        ],
        [
          '《城镇污水排入排水管网许可管理办法》',
          '第十条',
          '城镇排水主管部门应当自受理申请之日起15个工作日内作出决定。',
        ],
      ],
      object: 'company',
      conditions: '排放的污水符合国家或地方规定的排放标准，已按规定建设预处理设施和检测井。',
      limits: [15, 7],
      mode: 'at_most_once',
      procedures: [
        ['inspection', 5, '现场核查，时间不计入时限'],
        ['testing', 10, '排水水质检测'],
      ],
      promise: true,
      result: ['certificate', '城镇污水排入排水管网许可证'],
      themes: ['construction', 'environment', 'qualification'],
      keywords: ['排水许可', '排水证', '污水排放', '餐饮排水', '城镇排水'],
      materials: [
        own('sqb', '排水许可申请表'),
        BUSINESS_LICENCE,
        own('t', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸'),
        own('jc', '排水水质检测报告', { gap: true }),
      ],
      regions: ['610100', '610102', '610103'],
      local: { limits: [15, 5] },
    },
    {
      name: '房屋建筑和市政基础设施工程竣工验收备案',
      type: 'other_power',
      basis: [
        [
          '《建设工程质量管理条例》',
          '第四十九条',
          '建设单位应当自建设工程竣工验收合格之日起15日内，将建设工程竣工验收报告和规划、公安消防、环保等部门出具的认可文件或者准许使用文件报建设行政主管部门或者其他有关部门备案。',
        ],
      ],
      object: 'company',
      conditions: '工程已通过竣工验收，已完成规划核实、消防验收等专项验收。',
      limits: [15, 5],
      mode: 'fully_online',
      result: ['filing_receipt', '竣工验收备案证明'],
      themes: ['construction'],
      keywords: ['竣工备案', '竣工验收', '联合验收'],
      materials: [
        own('bab', '竣工验收备案表', { type: 'electronic' }),
        own('ysbg', '工程竣工验收报告'),
        shared('ghhs', '规划核实证明'),
      ],
    },
    {
      name: '存量房买卖合同网签备案',
      type: 'public_service',
      basis: [
        [
          '《中华人民共和国城市房地产管理法》',
          '第四十一条',
          '房地产转让，应当签订书面转让合同，合同中应当载明土地使用权取得的方式。',
        ],
      ],
      object: 'person',
      conditions: '房屋已取得不动产权证书、无查封，买卖双方就交易达成一致。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '存量房买卖合同备案信息'],
      themes: ['housing'],
      keywords: ['二手房', '网签', '房屋买卖合同', '二手房交易'],
      materials: [
        ID_CARD,
        PROPERTY_CERTIFICATE,
        own('ht', '存量房买卖合同', { type: 'electronic', form: '在线签订' }),
      ],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '商品房预售许可',
      type: 'licensing',
      basis: [
        [
          '《城市商品房预售管理办法》',
          '第七条',
          '房地产管理部门应当自受理开发企业申请之日起10日内，依法作出准予预售或不予预售的决定。',
        ],
      ],
      object: 'company',
      conditions:
        '已交付全部土地使用权出让金并取得土地使用权证书，持有建设工程规划许可证和施工许可证，投入开发建设资金达到工程建设总投资的25%以上并已确定施工进度和竣工交付日期。',
      limits: [10, 5],
      mode: 'at_most_once',
      procedures: [['inspection', 3, '工程形象进度现场核查']],
      result: ['certificate', '商品房预售许可证'],
      themes: ['construction', 'housing'],
      keywords: ['预售证', '卖期房', '预售许可'],
      materials: [
        own('sqb', '商品房预售许可申请表'),
        BUSINESS_LICENCE,
        PLANNING_PERMIT,
        shared('sgxk', '建筑工程施工许可证'),
        own('fa', '商品房预售方案'),
      ],
    },
    {
      name: '建设工程消防设计审查',
      type: 'licensing',
      basis: [
        [
          '《建设工程消防设计审查验收管理暂行规定》',
          '第十五条',
          '消防设计审查验收主管部门应当自受理消防设计审查申请之日起15个工作日内出具书面审查意见。依照本规定需要组织专家评审的，专家评审时间不超过20个工作日。',
        ],
      ],
      object: 'company',
      conditions: '特殊建设工程，已完成施工图设计。',
      limits: [15, 10],
      mode: 'fully_online',
      procedures: [['expert_review', 20, '特殊消防设计专家评审']],
      result: ['approval_document', '特殊建设工程消防设计审查意见书'],
      themes: ['construction'],
      keywords: ['消防审查', '消防设计', '图审'],
      materials: [
        own('sqb', '消防设计审查申请表', { type: 'electronic' }),
        own('sjwj', '消防设计文件', { type: 'electronic' }),
      ],
    },
    {
      name: '建设工程消防验收',
      type: 'licensing',
      basis: [
        [
          '《建设工程消防设计审查验收管理暂行规定》',
          '第二十八条',
          '消防设计审查验收主管部门应当自受理消防验收申请之日起15日内出具消防验收意见。',
        ],
      ],
      object: 'company',
      conditions: '特殊建设工程竣工，建设单位已组织消防查验并合格。',
      limits: [15, 10],
      mode: 'more_visits',
      procedures: [['inspection', 5, '现场评定']],
      result: ['approval_document', '特殊建设工程消防验收意见书'],
      themes: ['construction'],
      keywords: ['消防验收', '竣工验收', '联合验收'],
      materials: [
        own('sqb', '消防验收申请表'),
        own('cy', '工程竣工验收报告和消防查验报告'),
        LEGAL_REPRESENTATIVE_ID,
      ],
    },
    {
      name: '公共租赁住房保障资格审核',
      type: 'benefit',
      level: 'county',
      basis: [
        [
          '《公共租赁住房管理办法》',
          '第八条',
          '市、县级人民政府住房保障主管部门应当会同有关部门，对申请人提交的申请材料进行审核。经审核，对符合申请条件的申请人，应当予以公示。',
        ],
      ],
      object: 'person',
      conditions:
        '在本市无住房或住房面积低于规定标准，收入、财产低于规定标准的城镇中等偏下收入住房困难家庭、新就业无房职工和稳定就业的外来务工人员。',
      limits: [30, 20],
      mode: 'more_visits',
      procedures: [['public_notice', 7, '审核结果公示']],
      result: ['approval_document', '公共租赁住房保障资格确认通知'],
      themes: ['housing'],
      keywords: ['公租房', '保障房', '廉租房', '住房困难'],
      materials: [
        own('sqb', '公共租赁住房申请表'),
        ID_CARD,
        own('sr', '家庭收入证明'),
        issued('wf', '无房证明', { type: 'electronic', notes: '不动产登记中心共享' }),
      ],
      regions: ['610100', '610102', '610103'],
    },
  ],
};

/** 西安市城市管理和综合执法局: construction waste, outdoor advertising, roads. */
export const CITY_MANAGEMENT: DepartmentMatters = {
  department: '城管局',
  sector: '09',
  matters: [
    {
      name: '城市建筑垃圾处置核准',
      type: 'licensing',
      basis: [
        [
          '《城市建筑垃圾管理规定》',
          '第七条',
          '处置建筑垃圾的单位，应当向城市人民政府市容环境卫生主管部门提出申请，获得城市建筑垃圾处置核准后，方可处置。城市人民政府市容环境卫生主管部门应当在接到申请后的20日内作出是否核准的决定。',
        ],
      ],
      object: 'company',
      conditions: '提交建筑垃圾处置方案，有消纳场所，运输车辆符合密闭运输要求。',
      limits: [20, 5],
      unit: 'natural_days',
      mode: 'fully_online',
      result: ['certificate', '城市建筑垃圾处置核准证'],
      themes: ['construction', 'environment'],
      keywords: ['渣土', '建筑垃圾', '渣土清运', '渣土车', '装修垃圾'],
      materials: [
        own('sqb', '建筑垃圾处置申请表', { type: 'electronic' }),
        own('fa', '建筑垃圾处置方案'),
        own('xn', '消纳场地证明'),
        own('cl', '运输车辆清单'),
      ],
      regions: ['610100', '610102', '610103'],
      local: { limits: [20, 3] },
    },
    {
      name: '设置大型户外广告审批',
      type: 'licensing',
      level: 'county',
      basis: [
        [
          '《城市市容和环境卫生管理条例》',
          '第十一条',
          '在城市中设置户外广告、标语牌、画廊、橱窗等，应当内容健康、外型美观，并定期维修、油饰或者拆除。大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。',
        ],
      ],
      object: 'company',
      conditions: '符合户外广告设置规划，设施结构安全。',
      limits: [20, 7],
      mode: 'at_most_once',
      result: ['approval_document', '户外广告设置许可决定书'],
      themes: ['business_change'],
      keywords: ['户外广告', '广告牌', '楼顶广告'],
      materials: [
        own('sqb', '户外广告设置申请表'),
        BUSINESS_LICENCE,
        own('xgt', '设计效果图及结构安全报告'),
        own('cq', '场地使用权证明'),
      ],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '城市道路挖掘、占用许可',
      type: 'licensing',
      basis: [
        [
          '《城市道路管理条例》',
          '第二十九条、第三十一条',
          '因特殊情况需要临时占用城市道路的，须经市政工程行政主管部门和公安交通管理部门批准，方可按照规定占用。',
        ],
      ],
      object: 'both',
      conditions: '因工程建设确需挖掘或临时占用城市道路，已制定施工和交通组织方案。',
      limits: [20, 5],
      unit: 'natural_days',
      mode: 'at_most_once',
      fees: [
        fee(
          '城市道路占用费',
          0,
          '《陕西省城市道路占用挖掘费收费标准》',
          '按占用面积和期限计收；依法减免的项目不收取',
        ),
      ],
      result: ['approval_document', '城市道路挖掘（占用）许可证'],
      themes: ['construction'],
      keywords: ['占道', '挖路', '道路开挖', '临时占道'],
      materials: [own('sqb', '挖掘占用城市道路申请表'), own('fa', '施工方案及交通组织方案'), ID_CARD],
    },
    {
      name: '燃气经营许可',
      type: 'licensing',
      basis: [
        [
          '《城镇燃气管理条例》',
          '第十五条',
          '从事燃气经营活动的，应当向燃气经营所在地的县级以上地方人民政府燃气管理部门申请，经审查符合条件的，由县级以上地方人民政府燃气管理部门核发燃气经营许可证。',
        ],
      ],
      object: 'company',
      conditions:
        '符合燃气发展规划，有符合国家标准的燃气气源和燃气设施，有固定的经营场所、完善的安全管理制度和健全的经营方案，主要负责人、安全生产管理人员以及运行、维护和抢修人员经专业培训考核合格。',
      limits: [20, 10],
      mode: 'more_visits',
      procedures: [['inspection', 10, '现场核查']],
      result: ['certificate', '燃气经营许可证'],
      themes: ['qualification'],
      keywords: ['燃气许可', '液化气', '加气站', '天然气'],
      materials: [
        own('sqs', '燃气经营许可申请书'),
        BUSINESS_LICENCE,
        own('ss', '燃气设施竣工验收证明'),
        own('ry', '人员培训考核合格证明'),
        own('zd', '安全管理制度', { gap: true }),
      ],
    },
  ],
};
