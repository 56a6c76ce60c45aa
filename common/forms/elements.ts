/**
 * The national data elements (数据元) a form field may be bound to, with their Chinese labels:
 * facts about an applicant that the population base (人口库), the legal-entity base (法人库), the
 * account's profile or earlier cases hold, so that 智能预填 can fill the field. A binding names one
 * of these keys, or a certificate field as `certificate:<type code>.<field key>` (see binding.ts).
 */
export const FORM_ELEMENTS = {
  // 自然人
  personName: '姓名',
  personIdNumber: '公民身份号码',
  personSex: '性别',
  personEthnicity: '民族',
  personBirthDate: '出生日期',
  personAddress: '户籍地址',
  residenceAddress: '居住地址',
  mobilePhone: '手机号码',
  email: '电子邮箱',
  // 法人及其他组织
  entityName: '单位名称',
  creditCode: '统一社会信用代码',
  entityType: '主体类型',
  legalRepresentative: '法定代表人（负责人）',
  legalRepresentativeIdNumber: '法定代表人身份证号码',
  registeredCapital: '注册资本',
  establishedOn: '成立日期',
  businessTerm: '营业期限',
  registeredAddress: '住所',
  businessScope: '经营范围',
  premises: '经营场所',
  contactName: '联系人',
  contactPhone: '联系电话',
  // 地址与区划
  regionCode: '行政区划代码',
  postalCode: '邮政编码',
} as const;

export type FormElementKey = keyof typeof FORM_ELEMENTS;

export function isFormElementKey(key: string): key is FormElementKey {
  return Object.hasOwn(FORM_ELEMENTS, key);
}
