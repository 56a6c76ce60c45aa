import ExcelJS from 'exceljs';
import { LABELS, PERSON_THEMES } from '../../../common/catalogue/elements.ts';
import { cellText, type ImportIssue } from './cells.ts';
import {
  columnLetter,
  EXAMPLE_CODE,
  FIELD_TYPE_LABELS,
  FIRST_DATA_ROW,
  FORM_SHEET,
  HEADER_ROW,
  HINT_ROW,
  IMPLEMENTATION_SHEET,
  MATERIAL_SHEET,
  type SheetSpec,
} from './columns.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const INSTRUCTIONS_SHEET = '填写说明';

type Cells = Record<string, string | number>;

/** Rows of the drop-down lists: at least this many, or as many as the data has. */
const VALIDATED_ROWS = 1000;

type DataValidations = { add: (range: string, validation: ExcelJS.DataValidation) => void };

function addDataSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: Cells[], exampleRows: Cells[]) {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: HINT_ROW }] });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(HEADER_ROW);
  const hint = sheet.getRow(HINT_ROW);
  spec.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    hint.getCell(i + 1).value = c.hint;
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  hint.font = { italic: true, color: { argb: 'FF808080' }, size: 9 };
  hint.alignment = { wrapText: true, vertical: 'top' };

  const write = (cells: Cells, italic: boolean) => {
    const row = sheet.addRow(spec.columns.map((c) => cells[c.key] ?? ''));
    row.alignment = { wrapText: true, vertical: 'top' };
    if (italic) row.font = { italic: true, color: { argb: 'FF2F5597' } };
  };
  for (const cells of exampleRows) write(cells, true);
  for (const cells of rows) write(cells, false);

  const last = Math.max(FIRST_DATA_ROW + VALIDATED_ROWS, sheet.rowCount + 100);
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });
}

function addInstructions(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 18 }, { width: 100 }];
  const lines: [string, string][] = [
    ['政务服务事项实施清单导入模板', ''],
    ['工作表', '“实施清单”每行一个实施事项；“申请材料”每行一份材料，用“实施编码”对应到实施清单。'],
    [
      '表头',
      `第 ${HEADER_ROW} 行为表头，第 ${HINT_ROW} 行为填写提示，数据自第 ${FIRST_DATA_ROW} 行起。请勿修改、增删或调换列。`,
    ],
    ['示例行', `实施编码为“${EXAMPLE_CODE}”的行是填写示例，导入时自动跳过，可删除。`],
    ['多项内容', '“办理渠道、送达方式、主题、关键词”多项之间用“、”分隔。'],
    [
      '申请表字段',
      '每行一个在线申请表的字段，用“实施编码”对应到实施清单；同一分组的字段写在一起，行的先后即字段的先后。' +
        '表格类字段的列写在该表格字段之后，“所属表格”填写表格字段的字段标识。没有字段的事项没有在线申请表。',
    ],
    [
      '显示与必填条件',
      '填写 JSON：{"field":"字段标识","equals":取值}、{"field":"…","in":[取值,…]}、{"field":"…","notEmpty":true}，' +
        '可用 {"and":[…]}、{"or":[…]}、{"not":{…}} 组合；表格的列可引用同一行的其他列。',
    ],
    [
      '选项与绑定',
      '选项写作“取值:名称|取值:名称”；数据绑定填写国家数据元（如 premises、entityName）或“certificate:证照类型代码.字段”，用于智能预填。',
    ],
    ['由申请表代替', '申请材料中填“是”的材料（如申请书）由在线申请表代替，申请人填写申请表后无需另行上传。'],
    [
      '分段内容',
      '“设定依据、特别程序、收费、办理流程、办理地点”每项占一行（单元格内换行：Alt+Enter），项内各段用英文竖线 | 分隔。',
    ],
    [
      '实施机构',
      '填写机构全称或统一社会信用代码；实施机构须为部门或政务服务中心，行政区划须为其所在区划或下级区划。',
    ],
    ['办理地点', '名称与平台中某个大厅名称相同时，自动关联到该大厅。'],
    ['时限', '法定时限、承诺时限均以“时限单位”计；承诺时限不得超过法定时限，即办件承诺时限为 0。'],
    [
      '导入规则',
      '导入前逐行校验，全部无误才导入，任何一处有误则不导入任何数据，并列出所有错误所在的工作表、行、列和原因。',
    ],
    ['已有事项', '实施编码已存在的事项，导入后生成新的草稿版本，经审核发布后生效；新事项导入后为草稿。'],
    ['事项类型', Object.values(LABELS.matterType).join('、')],
    ['行使层级', Object.values(LABELS.exercisingLevel).join('、')],
    ['服务对象', Object.values(LABELS.serviceObject).join('、')],
    ['办件类型', Object.values(LABELS.caseType).join('、')],
    ['实现方式', Object.values(LABELS.realisationMode).join('、')],
    ['办理渠道', Object.values(LABELS.channel).join('、')],
    ['特别程序', Object.values(LABELS.specialProcedure).join('、')],
    ['办理环节', Object.values(LABELS.step).join('、')],
    ['结果类型', Object.values(LABELS.resultType).join('、')],
    ['送达方式', Object.values(LABELS.delivery).join('、')],
    ['主题（个人）', PERSON_THEMES.map((t) => LABELS.theme[t]).join('、')],
    [
      '主题（法人）',
      Object.entries(LABELS.theme)
        .filter(([t]) => !(PERSON_THEMES as readonly string[]).includes(t))
        .map(([, l]) => l)
        .join('、'),
    ],
    ['材料类型', Object.values(LABELS.materialType).join('、')],
    ['材料来源', Object.values(LABELS.materialSource).join('、')],
    ['字段类型', Object.values(FIELD_TYPE_LABELS).join('、')],
  ];
  for (const line of lines) sheet.addRow(line).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getColumn(1).font = { bold: true };
}

/** A catalogue workbook: the three data sheets with the given rows, and the instructions. */
export async function writeWorkbook(options: {
  implementations: Cells[];
  materials: Cells[];
  formFields: Cells[];
  examples?: { implementations: Cells[]; materials: Cells[]; formFields: Cells[] };
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '一网通办事项库';
  workbook.created = new Date();
  addDataSheet(
    workbook,
    IMPLEMENTATION_SHEET,
    options.implementations,
    options.examples?.implementations ?? [],
  );
  addDataSheet(workbook, MATERIAL_SHEET, options.materials, options.examples?.materials ?? []);
  addDataSheet(workbook, FORM_SHEET, options.formFields, options.examples?.formFields ?? []);
  addInstructions(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The non-empty data rows of a sheet: row number and cell texts by column key. */
export type SheetRows = { row: number; texts: Map<string, string> }[];

function readSheet(sheet: ExcelJS.Worksheet, spec: SheetSpec, issues: ImportIssue[]): SheetRows {
  const header = sheet.getRow(HEADER_ROW);
  let headersOk = true;
  spec.columns.forEach((c, i) => {
    const found = cellText(header.getCell(i + 1).value);
    if (found !== c.header && !(c.optional && !found)) {
      headersOk = false;
      issues.push({
        sheet: spec.name,
        row: HEADER_ROW,
        column: `${columnLetter(i + 1)} ${c.header}`,
        problem: `表头应为“${c.header}”${found ? `，现为“${found}”` : ''}；请使用导入模板，勿增删或调换列`,
      });
    }
  });
  if (!headersOk) return [];
  const rows: SheetRows = [];
  for (let n = FIRST_DATA_ROW; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const texts = new Map(spec.columns.map((c, i) => [c.key, cellText(row.getCell(i + 1).value)]));
    if ([...texts.values()].every((t) => !t)) continue;
    if (texts.get(spec === IMPLEMENTATION_SHEET ? 'code' : 'implementationCode') === EXAMPLE_CODE) continue;
    rows.push({ row: n, texts });
  }
  return rows;
}

/**
 * Reads the data sheets of an uploaded workbook; problems of the file itself go to `issues`. A
 * workbook from a template older than the application forms (no 申请表字段 sheet) has no form rows.
 */
export async function readWorkbook(
  file: Buffer,
  issues: ImportIssue[],
): Promise<{ implementations: SheetRows; materials: SheetRows; formFields: SheetRows }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    issues.push({
      sheet: '',
      row: 0,
      column: '',
      problem: '文件无法读取：请上传由导入模板填写的 .xlsx 文件',
    });
    return { implementations: [], materials: [], formFields: [] };
  }
  const sheets = [IMPLEMENTATION_SHEET, MATERIAL_SHEET, FORM_SHEET].map((spec) => {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet && spec === FORM_SHEET) return [];
    if (!sheet) {
      issues.push({ sheet: spec.name, row: 0, column: '', problem: `缺少工作表“${spec.name}”` });
      return [];
    }
    return readSheet(sheet, spec, issues);
  });
  return { implementations: sheets[0]!, materials: sheets[1]!, formFields: sheets[2]! };
}
