import {
  BUSINESS_LICENCE,
  HOUSEHOLD_BOOK,
  ID_CARD,
  issued,
  LEGAL_REPRESENTATIVE_ID,
  own,
  shared,
} from './materials.ts';
import type { DepartmentMatters } from './spec.ts';

const PRIVATE_EDUCATION_LAW = '《中华人民共和国民办教育促进法》';
const PREMISES = own('cs', '经营场所使用证明（产权证明或租赁合同）', { gap: true });
const FIRE_SAFETY = issued('xf', '消防安全检查合格证明或承诺书', { gap: true });

/** 西安市教育局: private schools, teacher qualifications, school enrolment. */
export const EDUCATION: DepartmentMatters = {
  department: '教育局',
  sector: '14',
  matters: [
    {
      name: '民办学校设立审批',
      type: 'licensing',
      basis: [
        [
          PRIVATE_EDUCATION_LAW,
          '第十二条',
          '举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校，由县级以上人民政府教育行政部门按照国家规定的权限审批。',
        ],
        [
          PRIVATE_EDUCATION_LAW,
          '第十七条',
          '审批机关对批准正式设立的民办学校发给办学许可证。审批机关应当自受理之日起三个月内以书面形式作出是否批准的决定。',
        ],
      ],
      object: 'company',
      conditions:
        '举办者具有法人资格或具有政治权利和完全民事行为能力，有合格的教师、符合标准的校舍和教学设施设备，有必备的办学资金和稳定的经费来源。',
      limits: [90, 60],
      unit: 'natural_days',
      mode: 'more_visits',
      visits: 3,
      procedures: [
        ['inspection', 15, '办学条件实地考察'],
        ['expert_review', 15, '专家评议'],
      ],
      result: ['certificate', '中华人民共和国民办学校办学许可证'],
      themes: ['education', 'qualification'],
      keywords: ['民办学校', '办学许可证', '民办幼儿园', '办学校', '培训学校'],
      materials: [
        own('sqb', '民办学校设立申请报告'),
        own('zc', '学校章程和首届学校理事会、董事会组成人员名单'),
        own('zj', '资产及经费来源证明文件'),
        PREMISES,
        own('js', '校长、教师、财会人员资格证明'),
        FIRE_SAFETY,
      ],
    },
    {
      name: '教师资格认定',
      type: 'licensing',
      basis: [
        [
          '《教师资格条例》',
          '第十四条',
          '受理申请的机关应当自收到申请之日起30日内，对符合本条例规定条件的申请人颁发相应的教师资格证书。',
        ],
      ],
      object: 'person',
      conditions:
        '具有《教师法》规定的学历或者经国家教师资格考试合格，遵守宪法和法律，热爱教育事业，具有良好的思想品德，具备承担教育教学工作所必需的基本素质和能力。',
      limits: [30, 20],
      unit: 'natural_days',
      mode: 'fully_online',
      result: ['certificate', '教师资格证书'],
      themes: ['employment', 'education'],
      keywords: ['教师资格证', '教资认定', '当老师'],
      materials: [
        ID_CARD,
        own('xl', '学历证书', { type: 'electronic', notes: '学信网联网核验' }),
        own('tj', '体检合格证明'),
        shared('ks', '教师资格考试合格证明'),
      ],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '义务教育阶段入学报名',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          '《中华人民共和国义务教育法》',
          '第十二条',
          '适龄儿童、少年免试入学。地方各级人民政府应当保障适龄儿童、少年在户籍所在地学校就近入学。',
        ],
      ],
      object: 'person',
      conditions: '年满6周岁的适龄儿童（小学）及小学毕业生（初中），按户籍和房产或居住证在学区内报名。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['other', '入学报名审核结果'],
      themes: ['education'],
      keywords: ['小学报名', '入学', '上学', '幼升小', '小升初', '学区'],
      materials: [
        HOUSEHOLD_BOOK,
        ID_CARD,
        shared('fc', '房产或居住证信息', { notes: '不动产登记、公安部门共享' }),
      ],
      regions: ['610102', '610103'],
    },
    {
      name: '中小学学生转学',
      type: 'public_service',
      level: 'county',
      basis: [
        [
          '《中小学生学籍管理办法》',
          '第十五条',
          '学生转学或升学的，由转入学校通过电子学籍系统启动转学手续，转出学校及双方学校学籍主管部门核办。',
        ],
      ],
      object: 'person',
      conditions: '因户籍迁移、家庭住址变动等原因需要转学的在校学生。',
      limits: [10, 3],
      mode: 'at_most_once',
      result: ['other', '转学联系函'],
      themes: ['education'],
      keywords: ['转学', '学籍转移', '插班'],
      materials: [HOUSEHOLD_BOOK, own('js', '转入学校接收证明')],
      regions: ['610102', '610103'],
    },
  ],
};

/** 西安市文化和旅游局: entertainment venues, travel agencies, performances. */
export const CULTURE_TOURISM: DepartmentMatters = {
  department: '文旅局',
  sector: '15',
  matters: [
    {
      name: '娱乐场所经营许可',
      type: 'licensing',
      level: 'county',
      basis: [
        [
          '《娱乐场所管理条例》',
          '第九条',
          '设立娱乐场所，应当向所在地县级人民政府文化主管部门提出申请……文化主管部门应当自受理申请之日起20日内依法作出决定。',
        ],
      ],
      object: 'company',
      conditions:
        '已领取营业执照，场所符合建筑、消防、治安和卫生标准，娱乐设备符合国家标准，与学校等保持规定距离。',
      limits: [20, 10],
      unit: 'natural_days',
      mode: 'more_visits',
      procedures: [
        ['inspection', 5, '实地检查'],
        ['public_notice', 5, '必要时举行听证或公示'],
      ],
      result: ['certificate', '娱乐经营许可证'],
      themes: ['qualification', 'business_startup'],
      keywords: ['开KTV', 'KTV', '歌舞厅', '游艺厅', '电玩城', '娱乐场所'],
      materials: [
        own('sqb', '娱乐场所经营许可申请表'),
        BUSINESS_LICENCE,
        LEGAL_REPRESENTATIVE_ID,
        PREMISES,
        own('pm', '场所平面示意图'),
        FIRE_SAFETY,
      ],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '旅行社设立许可',
      type: 'licensing',
      basis: [
        [
          '《旅行社条例》',
          '第七条',
          '申请经营国内旅游业务和入境旅游业务的，应当向所在地省、自治区、直辖市旅游行政管理部门或者其委托的设区的市级旅游行政管理部门提出申请……受理申请的旅游行政管理部门应当自受理申请之日起20个工作日内作出许可或者不予许可的决定。',
        ],
      ],
      object: 'company',
      conditions: '已取得企业法人资格，有固定的经营场所、必要的营业设施，按规定存入或提供旅行社质量保证金。',
      limits: [20, 10],
      mode: 'at_most_once',
      result: ['certificate', '旅行社业务经营许可证'],
      themes: ['qualification', 'business_startup'],
      keywords: ['开旅行社', '旅行社', '旅游公司'],
      materials: [
        own('sqs', '设立旅行社申请书'),
        BUSINESS_LICENCE,
        PREMISES,
        own('bzj', '旅行社质量保证金存款证明或银行担保'),
        LEGAL_REPRESENTATIVE_ID,
      ],
    },
    {
      name: '营业性演出审批',
      type: 'licensing',
      basis: [
        [
          '《营业性演出管理条例》',
          '第十三条',
          '举办营业性演出，应当向演出所在地县级人民政府文化主管部门提出申请。县级人民政府文化主管部门应当自受理申请之日起3日内作出决定。',
        ],
      ],
      object: 'company',
      conditions: '演出举办单位具有相应资质，演出内容不含禁止内容，演出场所符合安全要求。',
      limits: [3, 2],
      mode: 'fully_online',
      result: ['approval_document', '营业性演出准予许可决定书'],
      themes: ['qualification'],
      keywords: ['演出审批', '演唱会', '音乐节', '商业演出'],
      materials: [
        own('sqb', '营业性演出申请登记表', { type: 'electronic' }),
        own('ht', '演出合同或演员确认函'),
        own('jm', '节目内容说明及视听资料'),
      ],
      regions: ['610100', '610102'],
    },
    {
      name: '互联网上网服务营业场所经营许可',
      type: 'licensing',
      level: 'county',
      basis: [
        [
          '《互联网上网服务营业场所管理条例》',
          '第十一条',
          '文化行政部门应当自收到申请之日起20个工作日内作出决定；经实地检查并审核合格的，发给批准文件。',
        ],
      ],
      object: 'company',
      conditions: '符合设置标准，营业场所使用面积和计算机台数符合规定，与中小学校距离符合规定。',
      limits: [20, 7],
      mode: 'more_visits',
      procedures: [['inspection', 5, '实地检查']],
      result: ['certificate', '网络文化经营许可证'],
      themes: ['qualification'],
      keywords: ['网吧', '开网吧', '电竞馆', '上网服务'],
      materials: [own('sqb', '申请表'), BUSINESS_LICENCE, PREMISES, FIRE_SAFETY],
      regions: ['610102', '610103'],
    },
    {
      name: '导游证核发',
      type: 'licensing',
      basis: [
        [
          '《导游管理办法》',
          '第十一条',
          '所在地旅游主管部门应当自受理申请之日起10日内，作出准予核发或者不予核发导游证的决定。',
        ],
      ],
      object: 'person',
      conditions: '已取得导游资格证，与旅行社订立劳动合同或在导游服务管理机构注册。',
      limits: [10, 3],
      unit: 'natural_days',
      mode: 'fully_online',
      result: ['certificate', '电子导游证'],
      themes: ['employment'],
      keywords: ['导游证', '导游', '电子导游证'],
      materials: [ID_CARD, own('zg', '导游资格证'), own('ht', '劳动合同或注册证明', { type: 'electronic' })],
    },
  ],
};
