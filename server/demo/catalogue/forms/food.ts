import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  choice,
  companyApplicant,
  contactPhone,
  creditCode,
  file,
  fixed,
  idNumber,
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
  textarea,
  yesNo,
} from './fields.ts';

/*
 * The application forms of the 市场监管局's food licences, after the 食品经营许可申请书 (2023) and the
 * 陕西省食品小作坊登记申请书. Keys of values a licence prints are the certificate's field keys.
 */
const FOOD_SALES = [
  '散装食品销售（含冷藏冷冻食品）',
  '散装食品销售（不含冷藏冷冻食品）',
  '散装熟食销售',
  '特殊食品销售（保健食品）',
  '特殊食品销售（特殊医学用途配方食品）',
  '特殊食品销售（婴幼儿配方乳粉）',
  '特殊食品销售（其他婴幼儿配方食品）',
];
const CATERING = [
  '热食类食品制售',
  '冷食类食品制售（不含烧卤熟肉）',
  '冷食类食品制售（含烧卤熟肉）',
  '生食类食品制售',
  '半成品制售',
  '自制饮品制售',
];
const CANTEEN = { field: 'category', equals: '单位食堂' };

/**
 * 食品经营许可申请书 (2023): the applicant as on its 营业执照, the 经营场所 (offered from the 住所,
 * corrected where they differ), 主体业态 and 经营项目, the food safety managers. `address`,
 * `premises`, `category` and `scope` print on the 食品经营许可证.
 */
const FOOD_BUSINESS: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('applicant', '申请人基本情况', 'Applicant', [
      ...companyApplicant({ nameLabel: '经营者名称' }),
      textarea('businessScope', '营业执照经营范围', 'Business scope on the licence', {
        ...fixed,
        binding: 'businessScope',
        help: '申请的经营项目应在营业执照的经营范围之内',
      }),
    ]),
    section('premises', '经营场所', 'Premises', [
      address('premises', '经营场所', 'Premises', {
        ...required,
        binding: 'certificate:yyzz.address',
        help: '已按营业执照住所带出；经营场所与住所不同的请修改，具体到门牌号、楼层、房间号',
      }),
      region('region', '经营场所所在区县', 'District of the premises', {
        ...required,
        binding: 'regionCode',
      }),
      yesNo('warehouse', '是否有外设仓库', 'Separate warehouse'),
      address('warehouseAddress', '外设仓库地址', 'Warehouse address', {
        shownWhen: { field: 'warehouse', equals: true },
        ...required,
      }),
    ]),
    section('business', '主体业态和经营项目', 'Business type and items', [
      choice('category', '主体业态', 'Business type', ['食品销售经营者', '餐饮服务经营者', '单位食堂'], {
        ...required,
        help: '只能选择一种主体业态',
      }),
      choice(
        'canteenOf',
        '单位食堂类别',
        'Kind of canteen',
        [
          '学校食堂',
          '托幼机构食堂',
          '养老机构食堂',
          '建筑工地食堂',
          '机关事业单位食堂',
          '企业食堂',
          '其他食堂',
        ],
        { shownWhen: CANTEEN, ...required },
      ),
      multiChoice(
        'scope',
        '经营项目',
        'Business items',
        [...FOOD_SALES, ...CATERING, '其他类食品销售', '其他类食品制售'],
        {
          ...required,
          help: '可以多选；仅销售预包装食品的，办理备案，无需申请许可',
        },
      ),
      yesNo('online', '是否通过网络经营', 'Selling online'),
      text('website', '网站（网店）名称及地址', 'Website or online shop', {
        shownWhen: { field: 'online', equals: true },
        ...required,
        validation: { maxLength: 200 },
      }),
      yesNo('centralKitchen', '是否为中央厨房或集体用餐配送单位', 'Central kitchen or group catering', {
        shownWhen: { field: 'category', equals: '餐饮服务经营者' },
      }),
    ]),
    section('managers', '食品安全管理人员', 'Food safety managers', [
      table(
        'managers',
        '食品安全管理人员',
        'Food safety managers',
        [
          text('name', '姓名', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          phone('phone', '移动电话', 'Mobile phone', { ...required }),
          yesNo('fullTime', '是否专职', 'Full time'),
          file('training', '培训考核合格证明', 'Training certificate', {
            requiredWhen: { field: 'category', equals: '单位食堂' },
          }),
        ],
        {
          ...required,
          help: '学校、托幼机构、养老机构、建筑工地食堂应配备专职食品安全管理人员',
          validation: { minItems: 1, maxItems: 10 },
        },
      ),
    ]),
    section('contact', '联系方式', 'Contact', [
      contactPhone(),
      text('email', '电子邮箱', 'Email', {
        binding: 'email',
        validation: {
          pattern: '[^@\\s]+@[^@\\s]+\\.[^@\\s]+',
          patternMessage: '请填写正确的电子邮箱',
          patternMessageEn: 'not an email address',
        },
      }),
    ]),
    promiseSection(
      `${TRUE_COPY}本单位承诺具有与经营的食品品种、数量相适应的经营场所和设备设施，已建立保证食品安全的规章制度，并配合许可机关现场核查。`,
    ),
  ],
};

/** 陕西省食品小作坊登记申请书: the person in charge, the workshop, its foods and staff. */
const FOOD_WORKSHOP: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('owner', '负责人信息', 'Person in charge', [
      ...personApplicant().map((f) =>
        f.key === 'personName' ? { ...f, key: 'legalRepresentative', label: '负责人姓名' } : f,
      ),
    ]),
    section('workshop', '小作坊信息', 'Workshop', [
      text('entityName', '小作坊名称', 'Name of the workshop', {
        ...required,
        validation: { maxLength: 50 },
      }),
      creditCode('creditCode', '统一社会信用代码', 'Credit code', { help: '已办理营业执照的填写' }),
      address('premises', '生产加工场所', 'Workshop address', { ...required }),
      region('region', '生产加工场所所在区县', 'District', { ...required }),
      text('category', '生产加工品种', 'Foods made', {
        ...required,
        help: '如：凉皮、擀面皮、肉夹馍、挂面；不得生产加工《陕西省食品小作坊禁止生产加工食品目录》所列食品',
        validation: { maxLength: 100 },
      }),
      number('area', '生产加工场所面积（平方米）', 'Floor area (m²)', {
        ...required,
        validation: { min: 1, max: 10_000 },
      }),
      number('staff', '从业人员人数', 'Staff', { ...required, validation: { min: 1, max: 50 } }),
      yesNo('healthCertified', '从业人员均持有有效健康证明', 'Every worker holds a health certificate', {
        ...required,
      }),
    ]),
    promiseSection(
      `${TRUE_COPY}本人承诺生产加工场所远离污染源，生产加工的食品符合食品安全标准，并接受监督检查。`,
    ),
  ],
};

export const FOOD_FORMS: Record<string, FormDefinition> = {
  食品经营许可: FOOD_BUSINESS,
  食品小作坊登记: FOOD_WORKSHOP,
};
