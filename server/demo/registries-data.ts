import type { CompanyRecord, PersonRecord } from '../registries/index.ts';

/** Districts of 西安市 where the demo residents live and the demo companies are registered. */
export const DISTRICTS = [
  { code: '610102', name: '新城区' },
  { code: '610103', name: '碑林区' },
  { code: '610104', name: '莲湖区' },
  { code: '610111', name: '灞桥区' },
  { code: '610112', name: '未央区' },
  { code: '610113', name: '雁塔区' },
  { code: '610114', name: '阎良区' },
  { code: '610116', name: '长安区' },
] as const;

export const STREETS = [
  '长乐中路',
  '东大街',
  '西五路',
  '解放路',
  '含光路',
  '友谊西路',
  '南二环西段',
  '凤城八路',
  '未央路',
  '小寨东路',
  '长安南路',
  '纬什街',
  '韩森路',
  '西关正街',
  '太华北路',
  '雁展路',
];

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );

export const GIVEN_NAMES = {
  male: [
    '伟',
    '强',
    '磊',
    '军',
    '勇',
    '杰',
    '涛',
    '斌',
    '超',
    '明',
    '建国',
    '建华',
    '志强',
    '志伟',
    '海涛',
    '晓东',
    '宏伟',
    '国庆',
    '文博',
    '子轩',
    '浩然',
    '宇航',
    '俊杰',
    '鹏飞',
    '振华',
    '立新',
    '卫东',
    '永刚',
    '长安',
    '晨阳',
  ],
  female: [
    '芳',
    '娜',
    '敏',
    '静',
    '丽',
    '艳',
    '娟',
    '霞',
    '婷',
    '雪',
    '秀英',
    '桂兰',
    '玉梅',
    '丽华',
    '晓燕',
    '春梅',
    '雅琴',
    '欣怡',
    '梓涵',
    '思雨',
    '佳琪',
    '雨桐',
    '海燕',
    '红霞',
    '慧敏',
    '文静',
    '美玲',
    '丹丹',
    '秦娥',
    '若溪',
  ],
};

/** Trades of the demo companies: the words of their names and their business scope. */
export const INDUSTRIES = [
  { trade: '餐饮管理', shop: '面馆', scope: '餐饮服务；食品销售（仅销售预包装食品）' },
  { trade: '商贸', shop: '便利店', scope: '日用百货、预包装食品、文具用品的零售' },
  { trade: '信息技术', shop: '电脑维修部', scope: '软件开发；信息系统集成服务；计算机软硬件销售' },
  { trade: '建筑工程', shop: '装饰工作室', scope: '房屋建筑和市政基础设施项目工程总承包；建筑装饰工程施工' },
  { trade: '物流', shop: '快递服务部', scope: '道路货物运输（不含危险货物）；国内货物运输代理' },
  { trade: '文化传媒', shop: '图文广告部', scope: '组织文化艺术交流活动；广告设计、制作、代理' },
  { trade: '医药', shop: '大药房', scope: '药品零售；医疗器械销售；保健食品销售' },
  { trade: '教育科技', shop: '书店', scope: '教育咨询服务（不含涉许可审批的教育培训活动）；图书零售' },
  { trade: '物业管理', shop: '家政服务部', scope: '物业管理；家政服务；停车场服务' },
  { trade: '农业科技', shop: '果蔬店', scope: '农产品的生产、销售；新鲜水果、蔬菜零售' },
] as const;

/** The demo person applicant (sign-in 11010519491231002X). */
export const DEMO_PERSON: PersonRecord = {
  idNumber: '11010519491231002X',
  name: '李秀兰',
  sex: 'female',
  birthDate: '1949-12-31',
  ethnicity: '汉族',
  address: '陕西省西安市新城区西一路218号',
  phone: '13912345678',
  regionCode: '110105',
};

/** The demo company applicant (sign-in 91350100M000100Y43) and its legal representative. */
export const DEMO_COMPANY: { record: CompanyRecord; representative: PersonRecord } = {
  record: {
    creditCode: '91350100M000100Y43',
    name: '福州闽江数字科技有限公司',
    legalRepresentative: '林海峰',
    legalRepresentativeIdNumber: '610102198506120033',
    companyType: '有限责任公司（自然人投资或控股）',
    registeredAddress: '陕西省西安市新城区长乐中路128号3层',
    registeredCapital: '500万元人民币',
    establishedOn: '2019-06-18',
    businessScope:
      '一般项目：软件开发；信息技术咨询服务；数据处理和存储支持服务。许可项目：餐饮服务；食品销售。',
    status: '存续',
    regionCode: '610102',
  },
  representative: {
    idNumber: '610102198506120033',
    name: '林海峰',
    sex: 'male',
    birthDate: '1985-06-12',
    ethnicity: '汉族',
    address: '陕西省西安市新城区长乐中路96号5栋1201室',
    phone: '13809180000',
    regionCode: '610102',
  },
};
