import type {
  CaseType,
  MatterType,
  RealisationMode,
  ServiceObject,
  Theme,
} from '../../../common/catalogue/elements.ts';

/** One published matter of a test catalogue, written compactly. */
export type FixtureMatter = {
  name: string;
  departmentId: string;
  regionCode: string;
  matterType?: MatterType;
  object?: ServiceObject;
  mode?: RealisationMode;
  caseType?: CaseType;
  limits?: [legal: number, promised: number];
  /** The unit of both limits; working days by default. */
  limitUnit?: 'working_days' | 'natural_days';
  visits?: number;
  themes?: Theme[];
  keywords?: string[];
  conditions?: string;
  materials?: string[];
  result?: string;
  online?: boolean;
  /** draft: not published (must not be found). */
  status?: 'published' | 'draft';
  /** Matters with the same key implement one basic matter (in different places); by default each its own. */
  basic?: string;
};

/** A small catalogue of real matter names over the demo departments of 西安市. */
export function sampleCatalogue(d: Record<string, string>, districtCentre: string): FixtureMatter[] {
  const city = '610100';
  return [
    {
      name: '企业设立登记',
      departmentId: d.市场监管局!,
      regionCode: city,
      matterType: 'confirmation',
      mode: 'fully_online',
      visits: 0,
      limits: [15, 1],
      themes: ['business_startup'],
      keywords: ['开公司', '营业执照', '一照一码'],
      materials: ['公司登记（备案）申请书', '公司章程', '法定代表人居民身份证'],
      result: '营业执照',
    },
    {
      name: '个体工商户设立登记',
      departmentId: d.市场监管局!,
      regionCode: city,
      matterType: 'confirmation',
      object: 'person',
      mode: 'on_the_spot',
      limits: [15, 0],
      themes: ['business_startup'],
      keywords: ['开店', '个体户'],
      materials: ['个体工商户登记申请书', '经营者居民身份证'],
      result: '营业执照',
    },
    {
      name: '食品经营许可',
      departmentId: d.市场监管局!,
      regionCode: city,
      limits: [20, 5],
      themes: ['business_startup', 'qualification'],
      keywords: ['餐饮', '饭店', '超市', '小吃店'],
      materials: ['食品经营许可申请书', '营业执照', '食品安全管理制度', '经营场所平面图'],
      result: '食品经营许可证',
    },
    {
      name: '公章刻制备案',
      departmentId: d.公安局!,
      regionCode: city,
      matterType: 'other_power',
      mode: 'fully_online',
      visits: 0,
      limits: [1, 0],
      themes: ['business_startup'],
      keywords: ['刻章', '印章'],
      materials: ['营业执照', '法定代表人居民身份证'],
      result: '印章备案回执',
    },
    {
      name: '居民身份证换领',
      basic: '居民身份证换领',
      departmentId: d.公安局!,
      regionCode: city,
      matterType: 'public_service',
      object: 'person',
      limits: [60, 20],
      themes: ['household'],
      keywords: ['身份证到期', '换证'],
      materials: ['原居民身份证', '户口簿'],
      result: '居民身份证',
    },
    {
      name: '居民身份证换领',
      basic: '居民身份证换领',
      departmentId: districtCentre,
      regionCode: '610102',
      matterType: 'public_service',
      object: 'person',
      limits: [60, 15],
      themes: ['household'],
      keywords: ['身份证到期', '换证'],
      materials: ['原居民身份证', '户口簿'],
      result: '居民身份证',
    },
    {
      name: '不动产转移登记',
      departmentId: d.不动产登记中心!,
      regionCode: city,
      matterType: 'confirmation',
      object: 'both',
      mode: 'at_most_once',
      limits: [30, 5],
      themes: ['housing'],
      keywords: ['二手房', '买卖', '赠与', '继承'],
      materials: ['不动产登记申请书', '不动产权证书', '买卖合同', '申请人居民身份证'],
      result: '不动产权证书',
    },
    {
      name: '不动产首次登记',
      departmentId: d.不动产登记中心!,
      regionCode: city,
      matterType: 'confirmation',
      object: 'both',
      limits: [30, 10],
      themes: ['housing'],
      keywords: ['新房', '房产证'],
      materials: ['不动产登记申请书', '土地权属来源材料', '房屋竣工验收材料'],
      result: '不动产权证书',
    },
    {
      name: '社保登记',
      departmentId: d.人社局!,
      regionCode: city,
      matterType: 'public_service',
      mode: 'fully_online',
      visits: 0,
      limits: [5, 0],
      themes: ['employment_hiring'],
      keywords: ['社会保险登记', '单位参保', '五险'],
      materials: ['营业执照', '社会保险登记表'],
      result: '社会保险登记证',
    },
    {
      name: '城镇职工医保参保登记',
      departmentId: d.医保局!,
      regionCode: city,
      matterType: 'public_service',
      object: 'both',
      mode: 'fully_online',
      visits: 0,
      limits: [5, 1],
      themes: ['medical', 'social_security'],
      keywords: ['医保', '医疗保险', '参保'],
      materials: ['参保登记表', '居民身份证'],
      result: '参保凭证',
    },
    {
      name: '发票申领',
      departmentId: d.税务局!,
      regionCode: city,
      matterType: 'public_service',
      mode: 'fully_online',
      visits: 0,
      limits: [1, 0],
      themes: ['tax'],
      keywords: ['领发票', '增值税发票'],
      materials: ['发票领用簿', '经办人居民身份证'],
      result: '发票',
    },
    {
      name: '婚姻登记',
      departmentId: d.民政局!,
      regionCode: city,
      matterType: 'confirmation',
      object: 'person',
      mode: 'more_visits',
      caseType: 'immediate',
      visits: 1,
      limits: [1, 0],
      themes: ['marriage'],
      keywords: ['结婚', '离婚', '领证'],
      materials: ['本人居民身份证', '户口簿', '本人近期半身免冠合影照片'],
      result: '结婚证',
      online: false,
    },
    {
      name: '建设工程规划许可证核发',
      departmentId: d.自然资源和规划局!,
      regionCode: city,
      limits: [20, 10],
      visits: 2,
      mode: 'more_visits',
      themes: ['construction'],
      keywords: ['规划许可', '工程建设'],
      materials: ['建设工程规划许可证申请表', '建设工程设计方案', '国有土地使用证'],
      result: '建设工程规划许可证',
    },
    {
      name: '建筑工程施工许可证核发',
      departmentId: d.住建局!,
      regionCode: city,
      limits: [15, 3],
      themes: ['construction'],
      keywords: ['施工许可', '开工'],
      materials: ['建筑工程施工许可申请表', '建设工程规划许可证', '施工合同'],
      result: '建筑工程施工许可证',
    },
    {
      name: '城镇污水排入排水管网许可',
      departmentId: d.住建局!,
      regionCode: city,
      limits: [20, 7],
      themes: ['construction', 'environment'],
      keywords: ['排水许可', '排水证'],
      materials: ['排水许可申请表', '营业执照', '排水户内部排水管网图'],
      result: '城镇污水排入排水管网许可证',
    },
    {
      name: '餐饮服务单位油烟排放登记',
      departmentId: d.生态环境局!,
      regionCode: city,
      status: 'draft',
      themes: ['environment'],
      keywords: ['餐饮', '饭店', '油烟'],
      result: '登记回执',
    },
  ];
}
