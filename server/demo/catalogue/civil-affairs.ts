import {
  BUSINESS_LICENCE,
  ecert,
  HOUSEHOLD_BOOK,
  ID_CARD,
  issued,
  MARRIAGE_CERTIFICATE,
  own,
} from './materials.ts';
import type { DepartmentMatters } from './spec.ts';

const MARRIAGE_RULES = '《婚姻登记条例》';
const PHOTOS = own('zp', '近期半身免冠合影照片', { copies: 3, notes: '2寸，可在婚姻登记处现场拍摄' });
const DECLARATION = own('smb', '婚姻登记声明书', { form: '现场签署', notes: '在婚姻登记员面前亲自签署' });

/** 西安市民政局: marriage registration, social organisations, social assistance. */
export const CIVIL_AFFAIRS: DepartmentMatters = {
  department: '民政局',
  sector: '10',
  matters: [
    {
      name: '内地居民结婚登记',
      type: 'confirmation',
      level: 'county',
      basis: [
        [
          MARRIAGE_RULES,
          '第四条、第七条',
          '内地居民结婚，男女双方应当共同到一方当事人常住户口所在地的婚姻登记机关办理结婚登记。婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况。对当事人符合结婚条件的，应当当场予以登记，发给结婚证。',
        ],
        [
          '《中华人民共和国民法典》',
          '第一千零四十九条',
          '要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。',
        ],
      ],
      object: 'person',
      conditions:
        '男方年满22周岁、女方年满20周岁，双方均无配偶，没有直系血亲和三代以内旁系血亲关系，双方自愿；双方须亲自到场。',
      limits: [0, 0],
      mode: 'on_the_spot',
      result: ['certificate', '结婚证'],
      themes: ['marriage'],
      keywords: ['结婚', '领证', '结婚证', '登记结婚', '扯证', '婚姻登记'],
      materials: [ID_CARD, HOUSEHOLD_BOOK, PHOTOS, DECLARATION],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '内地居民离婚登记',
      type: 'confirmation',
      level: 'county',
      basis: [
        [
          '《中华人民共和国民法典》',
          '第一千零七十七条',
          '自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请。前款规定期限届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请。',
        ],
      ],
      object: 'person',
      conditions:
        '双方自愿离婚，并对子女抚养、财产及债务处理等事项协商一致；经30日离婚冷静期后双方再次亲自到场。',
      limits: [30, 30],
      unit: 'natural_days',
      mode: 'more_visits',
      result: ['certificate', '离婚证'],
      themes: ['marriage'],
      keywords: ['离婚', '协议离婚', '离婚证', '离婚冷静期', '婚姻登记'],
      materials: [
        ID_CARD,
        HOUSEHOLD_BOOK,
        MARRIAGE_CERTIFICATE,
        own('xy', '离婚协议书', { copies: 3 }),
        own('zp', '近期2寸半身免冠单人照片', { copies: 2 }),
      ],
      regions: ['610100', '610102', '610103'],
    },
    {
      name: '补领婚姻登记证',
      type: 'confirmation',
      level: 'county',
      basis: [
        [
          MARRIAGE_RULES,
          '第十七条',
          '结婚证、离婚证遗失或者损毁的，当事人可以持户口簿、身份证向原办理婚姻登记的机关或者一方当事人常住户口所在地的婚姻登记机关申请补领。',
        ],
      ],
      object: 'person',
      conditions: '结婚证、离婚证遗失或损毁，婚姻登记档案可查。',
      limits: [0, 0],
      mode: 'on_the_spot',
      result: ['certificate', '结婚证（补发）或离婚证（补发）'],
      themes: ['marriage'],
      keywords: ['补结婚证', '结婚证丢了', '补办结婚证'],
      materials: [ID_CARD, HOUSEHOLD_BOOK, own('zp', '近期2寸半身免冠照片', { copies: 3 })],
      regions: ['610102', '610103'],
    },
    {
      name: '社会团体成立登记',
      type: 'licensing',
      basis: [
        [
          '《社会团体登记管理条例》',
          '第十二条',
          '登记管理机关应当自收到完成筹备工作的社会团体的登记申请书及有关文件之日起30日内完成审查工作。',
        ],
      ],
      object: 'company',
      conditions:
        '有50个以上的个人会员或者30个以上的单位会员，有规范的名称和相应的组织机构，有固定的住所和专职工作人员，有合法的资产和经费来源，业务主管单位已审查同意。',
      limits: [30, 15],
      unit: 'natural_days',
      mode: 'more_visits',
      result: ['certificate', '社会团体法人登记证书'],
      themes: ['qualification'],
      keywords: ['成立协会', '社团登记', '商会', '学会'],
      materials: [
        own('sqs', '社会团体成立登记申请书'),
        issued('zgdw', '业务主管单位批准文件'),
        own('zc', '章程草案'),
        own('zs', '住所使用权证明'),
        own('yz', '验资报告'),
      ],
    },
    {
      name: '民办非企业单位成立登记',
      type: 'licensing',
      basis: [
        [
          '《民办非企业单位登记管理暂行条例》',
          '第十一条',
          '登记管理机关应当自收到成立登记申请的全部有效文件之日起60日内作出准予登记或者不予登记的决定。',
        ],
      ],
      object: 'company',
      conditions:
        '经业务主管单位审查同意，有规范的名称、必要的组织机构，有与其业务活动相适应的从业人员、合法财产和必要的场所。',
      limits: [60, 20],
      unit: 'natural_days',
      mode: 'more_visits',
      result: ['certificate', '民办非企业单位（法人）登记证书'],
      themes: ['qualification'],
      keywords: ['民非', '社会服务机构', '民办非企业'],
      materials: [
        own('sqs', '成立登记申请书'),
        issued('zgdw', '业务主管单位批准文件'),
        own('zc', '章程草案'),
        own('zs', '场所使用权证明'),
      ],
    },
    {
      name: '养老机构备案',
      type: 'other_power',
      basis: [
        [
          '《中华人民共和国老年人权益保障法》',
          '第四十三条',
          '设立公益性养老机构，应当依法办理相应的登记。设立经营性养老机构，应当在市场监督管理部门办理登记。养老机构登记后即可开展服务活动，并向县级以上人民政府民政部门备案。',
        ],
      ],
      object: 'company',
      conditions: '已依法登记的养老机构，服务设施符合消防、卫生、建筑等标准。',
      limits: [0, 0],
      mode: 'fully_online',
      result: ['filing_receipt', '养老机构备案回执'],
      themes: ['retirement', 'qualification'],
      keywords: ['养老院', '养老机构', '敬老院'],
      materials: [
        own('bab', '养老机构备案书', { type: 'electronic' }),
        BUSINESS_LICENCE,
        own('cn', '养老机构备案承诺书'),
      ],
    },
    {
      name: '最低生活保障审核确认',
      type: 'benefit',
      level: 'county',
      basis: [
        [
          '《社会救助暂行办法》',
          '第十一条',
          '申请最低生活保障，由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请……县级人民政府民政部门经审查，对符合条件的申请予以批准。',
        ],
      ],
      object: 'person',
      conditions: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合家庭财产状况规定。',
      limits: [30, 20],
      mode: 'more_visits',
      procedures: [['public_notice', 7, '入户调查结果公示']],
      result: ['approval_document', '最低生活保障金领取证'],
      themes: ['social_security'],
      keywords: ['低保', '最低生活保障', '困难救助', '社会救助'],
      materials: [
        own('sqs', '最低生活保障申请书'),
        ID_CARD,
        HOUSEHOLD_BOOK,
        own('sq', '家庭经济状况核对授权书'),
      ],
      regions: ['610102', '610103'],
    },
    {
      name: '高龄老人生活补贴申领',
      type: 'benefit',
      level: 'county',
      basis: [
        ['《陕西省老年人权益保障条例》', '第三十三条', '县级以上人民政府应当建立高龄老人生活补贴制度。'],
      ],
      object: 'person',
      conditions: '具有本市户籍、年满80周岁的老年人。',
      limits: [20, 10],
      mode: 'fully_online',
      result: ['other', '高龄补贴核定结果'],
      themes: ['retirement'],
      keywords: ['高龄补贴', '老人补贴', '80岁补贴', '长寿补贴'],
      materials: [ID_CARD, HOUSEHOLD_BOOK, own('yhk', '本人银行账户信息', { type: 'electronic' })],
      regions: ['610102', '610103'],
    },
    {
      name: '基本殡葬服务费用减免',
      type: 'benefit',
      level: 'county',
      basis: [
        [
          '《殡葬管理条例》',
          '第五条',
          '在实行火葬的地区，国家提倡以骨灰寄存的方式以及其他不占或者少占土地的方式处理骨灰。',
        ],
        [
          '《民政部等关于推行惠民殡葬政策的指导意见》',
          '民发〔2012〕211号',
          '对城乡困难群众和本市户籍居民免除遗体接运、存放、火化和骨灰寄存等基本殡葬服务费用。',
        ],
      ],
      object: 'person',
      conditions: '本市户籍居民在本市殡仪馆办理丧事。',
      limits: [0, 0],
      mode: 'on_the_spot',
      result: ['other', '基本殡葬服务费用减免结算单'],
      themes: ['death'],
      keywords: ['殡葬补贴', '火化费', '丧葬', '惠民殡葬'],
      materials: [ecert('swzm', '居民死亡医学证明书'), HOUSEHOLD_BOOK, ID_CARD],
      regions: ['610100', '610102'],
    },
  ],
};
