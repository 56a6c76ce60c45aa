import { LABELS } from '../../../common/catalogue/elements.ts';
import type { FieldType } from '../../../common/forms/schema.ts';

/**
 * The layout of the catalogue workbook (docs/catalogue-import-template.md): three data sheets
 * whose first row is the header, second row a hint, and data from the third row on.
 */

export type Column = {
  key: string;
  header: string;
  /** What to write in the cell, shown in the hint row. */
  hint: string;
  width: number;
  /** The allowed values of a coded one-value column (a drop-down list in the template). */
  list?: readonly string[];
  /** A column added later: a file from an older template without it is read as if it were empty. */
  optional?: boolean;
};

export type SheetSpec = { name: string; columns: readonly Column[] };

export const HEADER_ROW = 1;
export const HINT_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Rows whose 实施编码 is this are the template's example rows and are skipped on import. */
export const EXAMPLE_CODE = '示例';
/** Separator of the fields of one item in a multi-item cell (one item per line). */
export const FIELD_SEPARATOR = '|';
/** Separator written between the values of a multi-value cell. */
export const VALUE_SEPARATOR = '、';

const labels = (map: Record<string, string>) => Object.values(map);
const YES_NO = ['是', '否'] as const;

export const IMPLEMENTATION_SHEET: SheetSpec = {
  name: '实施清单',
  columns: [
    {
      key: 'basicCode',
      header: '基本编码',
      hint: '必填，12—20 位：前 6 位数字，其后为数字或大写字母',
      width: 16,
    },
    { key: 'basicName', header: '基本事项名称', hint: '必填', width: 24 },
    {
      key: 'matterType',
      header: '事项类型',
      hint: '必填，下拉选择',
      width: 14,
      list: labels(LABELS.matterType),
    },
    {
      key: 'exercisingLevel',
      header: '行使层级',
      hint: '必填，下拉选择',
      width: 10,
      list: labels(LABELS.exercisingLevel),
    },
    { key: 'legalBasis', header: '设定依据', hint: '每行一项：法规名称|条款|条文', width: 40 },
    { key: 'code', header: '实施编码', hint: '必填，12—40 位数字或大写字母', width: 28 },
    { key: 'organisation', header: '实施机构', hint: '必填，机构全称或统一社会信用代码', width: 26 },
    { key: 'regionCode', header: '行政区划代码', hint: '必填，6、9 或 12 位', width: 14 },
    { key: 'name', header: '事项名称', hint: '必填', width: 24 },
    {
      key: 'serviceObject',
      header: '服务对象',
      hint: '必填，下拉选择',
      width: 14,
      list: labels(LABELS.serviceObject),
    },
    { key: 'acceptanceConditions', header: '受理条件', hint: '可换行', width: 40 },
    { key: 'caseType', header: '办件类型', hint: '必填，下拉选择', width: 10, list: labels(LABELS.caseType) },
    { key: 'legalLimit', header: '法定时限', hint: '必填，整数（天）', width: 10 },
    { key: 'promisedLimit', header: '承诺时限', hint: '必填，整数（天），不超过法定时限', width: 10 },
    {
      key: 'limitUnit',
      header: '时限单位',
      hint: '必填，下拉选择',
      width: 10,
      list: labels(LABELS.limitUnit),
    },
    {
      key: 'specialProcedures',
      header: '特别程序',
      hint: `每行一项：程序|最长天数|说明；程序为${labels(LABELS.specialProcedure).join('、')}`,
      width: 30,
    },
    { key: 'visitsRequired', header: '到现场次数', hint: '必填，0—10 的整数', width: 10 },
    {
      key: 'realisationMode',
      header: '实现方式',
      hint: '必填，下拉选择',
      width: 12,
      list: labels(LABELS.realisationMode),
    },
    {
      key: 'channels',
      header: '办理渠道',
      hint: `必填，多项用“、”分隔：${labels(LABELS.channel).join('、')}`,
      width: 26,
    },
    { key: 'promiseAllowed', header: '是否告知承诺', hint: '必填，是或否', width: 12, list: YES_NO },
    {
      key: 'fees',
      header: '收费',
      hint: '每行一项：收费项目|金额（元）|收费标准|收费依据；不收费留空',
      width: 36,
    },
    {
      key: 'steps',
      header: '办理流程',
      hint: `每行一个环节：环节|岗位|天数|说明；环节为${labels(LABELS.step).join('、')}，至多 5 个`,
      width: 40,
    },
    { key: 'places', header: '办理地点', hint: '每行一处：名称|窗口|地址|办公时间', width: 40 },
    { key: 'consultation', header: '咨询方式', hint: '', width: 24 },
    { key: 'complaint', header: '投诉方式', hint: '', width: 24 },
    {
      key: 'resultType',
      header: '结果类型',
      hint: '必填，下拉选择',
      width: 12,
      list: labels(LABELS.resultType),
    },
    { key: 'resultName', header: '结果名称', hint: '', width: 20 },
    {
      key: 'delivery',
      header: '送达方式',
      hint: `多项用“、”分隔：${labels(LABELS.delivery).join('、')}`,
      width: 20,
    },
    { key: 'themes', header: '主题', hint: '多项用“、”分隔，见填写说明', width: 20 },
    { key: 'keywords', header: '关键词', hint: '多项用“、”分隔', width: 24 },
  ],
};

export const MATERIAL_SHEET: SheetSpec = {
  name: '申请材料',
  columns: [
    { key: 'implementationCode', header: '实施编码', hint: '必填，实施清单中的实施编码', width: 28 },
    { key: 'key', header: '材料键', hint: '必填，小写字母、数字、_ 或 -，同一事项内不重复', width: 16 },
    { key: 'name', header: '材料名称', hint: '必填', width: 30 },
    { key: 'type', header: '材料类型', hint: '必填，下拉选择', width: 12, list: labels(LABELS.materialType) },
    { key: 'form', header: '材料形式', hint: '如：纸质、电子', width: 12 },
    { key: 'paperCopies', header: '份数', hint: '必填，0—20 的整数', width: 8 },
    { key: 'required', header: '是否必需', hint: '必填，是或否', width: 10, list: YES_NO },
    { key: 'condition', header: '必需条件', hint: '非必需材料须填写提交情形', width: 24 },
    { key: 'source', header: '来源', hint: '必填，下拉选择', width: 14, list: labels(LABELS.materialSource) },
    { key: 'certificateType', header: '证照类型', hint: '来源为电子证照时必填', width: 16 },
    { key: 'gapAllowed', header: '是否容缺', hint: '必填，是或否', width: 10, list: YES_NO },
    { key: 'blankFormFile', header: '空白表格', hint: '文件 SHA-256，可留空', width: 20 },
    { key: 'sampleFile', header: '示例样表', hint: '文件 SHA-256，可留空', width: 20 },
    { key: 'notes', header: '备注', hint: '', width: 24 },
    {
      key: 'coveredByForm',
      header: '由申请表代替',
      hint: '是或否，留空为否；填“是”的材料（如申请书）由在线填写的申请表代替，无需另行上传',
      width: 12,
      list: YES_NO,
      optional: true,
    },
  ],
};

/** The application form's field types by their Chinese names (common/forms/schema.ts FIELD_TYPES). */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '单行文本',
  textarea: '多行文本',
  number: '数字',
  money: '金额',
  date: '日期',
  dateRange: '日期区间',
  region: '行政区划',
  address: '地址',
  choice: '单选',
  multiChoice: '多选',
  yesNo: '是否',
  table: '表格',
  idNumber: '身份证号码',
  creditCode: '统一社会信用代码',
  phone: '电话号码',
  file: '文件',
};

/** One row per field of an implementation's application form; a table's columns follow it, naming it. */
export const FORM_SHEET: SheetSpec = {
  name: '申请表字段',
  columns: [
    { key: 'implementationCode', header: '实施编码', hint: '必填，实施清单中的实施编码', width: 28 },
    {
      key: 'sectionKey',
      header: '分组标识',
      hint: '必填，字母开头，字母、数字或 _；同一分组的字段写在一起，按行的先后排列',
      width: 14,
    },
    { key: 'sectionTitle', header: '分组标题', hint: '分组第一行必填，如：申请人信息', width: 16 },
    {
      key: 'table',
      header: '所属表格',
      hint: '表格的列：填写其所属表格字段的字段标识，写在该表格字段之后；其他字段留空',
      width: 12,
    },
    {
      key: 'key',
      header: '字段标识',
      hint: '必填，字母开头，字母、数字或 _，同一申请表内不重复（表格的列在表格内不重复）',
      width: 16,
    },
    {
      key: 'type',
      header: '字段类型',
      hint: '必填，下拉选择',
      width: 14,
      list: labels(FIELD_TYPE_LABELS),
    },
    { key: 'label', header: '字段名称', hint: '必填，如：经营场所', width: 20 },
    { key: 'required', header: '是否必填', hint: '是或否，留空为否', width: 10, list: YES_NO },
    {
      key: 'shownWhen',
      header: '显示条件',
      hint: 'JSON，留空为总是显示，如 {"field":"category","equals":"canteen"}；可用 in、notEmpty、and、or、not',
      width: 30,
    },
    { key: 'requiredWhen', header: '必填条件', hint: 'JSON，写法同显示条件；条件成立时必填', width: 30 },
    {
      key: 'validation',
      header: '校验规则',
      hint: 'JSON，如 {"min":1,"max":100}、{"maxLength":50}、{"pattern":"…","patternMessage":"…"}',
      width: 26,
    },
    {
      key: 'options',
      header: '选项',
      hint: '单选、多选必填：取值:名称|取值:名称（或每行一项）；其他类型留空',
      width: 30,
    },
    {
      key: 'binding',
      header: '数据绑定',
      hint: '智能预填的来源：国家数据元（如 premises），或 certificate:证照类型代码.字段；可留空',
      width: 24,
    },
    { key: 'editable', header: '预填后可修改', hint: '是或否，留空为是', width: 12, list: YES_NO },
    { key: 'help', header: '填写说明', hint: '显示在字段下方，可留空', width: 24 },
    { key: 'labelEn', header: '英文名称', hint: '可留空', width: 16 },
    { key: 'helpEn', header: '英文填写说明', hint: '可留空', width: 16 },
    { key: 'sectionTitleEn', header: '分组英文标题', hint: '可留空，写在分组第一行', width: 16 },
    { key: 'sectionDescription', header: '分组说明', hint: '可留空，写在分组第一行', width: 24 },
  ],
};

/** 1 → A, 27 → AA */
export function columnLetter(position: number): string {
  let n = position;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** How an error names a column: letter and header, e.g. "C 事项类型". */
export function columnName(sheet: SheetSpec, key: string): string {
  const index = sheet.columns.findIndex((c) => c.key === key);
  if (index < 0) return '';
  return `${columnLetter(index + 1)} ${sheet.columns[index]!.header}`;
}
