import { withCreditCheckCharacter } from '../identity.ts';
import type { FormDefinition } from './schema.ts';

/** Completes the first 17 digits of a resident ID number with its ISO 7064 MOD 11-2 check character. */
export function withIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (2 ** (17 - i) % 11) * Number(first17[i]);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}

export const VALID_ID = withIdCheckCharacter('61010219900101123');
export const VALID_CREDIT_CODE = withCreditCheckCharacter('91610102MA6U12345');
export const SHA = 'a'.repeat(64);

/** A 食品经营许可 application in short: every field type, conditions and a table. */
export const FOOD_FORM: FormDefinition = {
  sections: [
    {
      key: 'applicant',
      title: '申请人信息',
      fields: [
        { key: 'entityName', type: 'text', label: '经营者名称', required: true, binding: 'entityName' },
        {
          key: 'creditCode',
          type: 'creditCode',
          label: '统一社会信用代码',
          required: true,
          binding: 'creditCode',
        },
        {
          key: 'representative',
          type: 'text',
          label: '法定代表人（负责人）',
          required: true,
          binding: 'certificate:yyzz.legalRepresentative',
          editable: false,
        },
        { key: 'representativeId', type: 'idNumber', label: '法定代表人身份证号码', required: true },
        { key: 'phone', type: 'phone', label: '联系电话', required: true, binding: 'contactPhone' },
        { key: 'capital', type: 'money', label: '注册资本（元）', validation: { max: 100_000_000 } },
      ],
    },
    {
      key: 'business',
      title: '经营信息',
      fields: [
        { key: 'premises', type: 'address', label: '经营场所', required: true, binding: 'premises' },
        { key: 'region', type: 'region', label: '所在区县', required: true },
        {
          key: 'category',
          type: 'choice',
          label: '主体业态',
          required: true,
          options: [
            { value: 'restaurant', label: '餐饮服务经营者' },
            { value: 'canteen', label: '单位食堂' },
            { value: 'retail', label: '食品销售经营者' },
          ],
        },
        {
          key: 'items',
          type: 'multiChoice',
          label: '经营项目',
          required: true,
          validation: { maxItems: 2 },
          options: [
            { value: 'hot', label: '热食类食品制售' },
            { value: 'cold', label: '冷食类食品制售' },
            { value: 'prepacked', label: '预包装食品销售' },
          ],
        },
        {
          key: 'canteenOf',
          type: 'text',
          label: '食堂所属单位',
          shownWhen: { field: 'category', equals: 'canteen' },
          required: true,
        },
        { key: 'online', type: 'yesNo', label: '是否网络经营' },
        {
          key: 'website',
          type: 'text',
          label: '网站地址',
          shownWhen: { field: 'online', equals: true },
          requiredWhen: { not: { field: 'category', equals: 'retail' } },
          validation: { pattern: 'https?://\\S+', patternMessage: '网站地址应以 http:// 或 https:// 开头' },
        },
        { key: 'area', type: 'number', label: '经营面积（平方米）', validation: { min: 1, max: 100_000 } },
        { key: 'openedOn', type: 'date', label: '拟开业日期' },
        { key: 'term', type: 'dateRange', label: '租赁期限' },
        { key: 'remark', type: 'textarea', label: '备注', validation: { maxLength: 20 } },
      ],
    },
    {
      key: 'staff',
      title: '从业人员',
      fields: [
        {
          key: 'people',
          type: 'table',
          label: '食品安全管理人员',
          required: true,
          validation: { minItems: 1, maxItems: 3 },
          columns: [
            { key: 'name', type: 'text', label: '姓名', required: true },
            { key: 'idNumber', type: 'idNumber', label: '身份证号码', required: true },
            { key: 'certified', type: 'yesNo', label: '是否持有培训合格证明' },
            {
              key: 'certificate',
              type: 'file',
              label: '培训合格证明',
              shownWhen: { field: 'certified', equals: true },
              requiredWhen: {
                or: [
                  { field: 'category', equals: 'canteen' },
                  { field: 'online', equals: true },
                ],
              },
            },
          ],
        },
        {
          key: 'layout',
          type: 'file',
          label: '经营场所平面图',
          requiredWhen: { field: 'area', notEmpty: true },
        },
      ],
    },
  ],
};

/** Values that satisfy FOOD_FORM. */
export const FOOD_VALUES = {
  entityName: '西安市新城区味道餐饮有限公司',
  creditCode: VALID_CREDIT_CODE,
  representative: '王新任',
  representativeId: VALID_ID,
  phone: '13800138000',
  capital: 50.5,
  premises: '西安市新城区东大街8号一层',
  region: '610102',
  category: 'restaurant',
  items: ['hot', 'cold'],
  online: false,
  people: [{ name: '李四', idNumber: VALID_ID, certified: false }],
};
