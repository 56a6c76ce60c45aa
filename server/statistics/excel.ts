import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../common/cases/state-machine.ts';
import type { BreakdownRow, FigureCasesAnswer, FiguresAnswer } from '../../common/statistics/api.ts';
import { FIGURES, type FigureUnit, PROMISE_LABELS } from '../../common/statistics/figures.ts';
import { CASE_CHANNEL_LABELS, FIGURE_PARTS } from '../../common/statistics/parts.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Answer = Static<typeof FiguresAnswer>;
type Row = Static<typeof BreakdownRow>;
type Cell = string | number | Date | null;

const UNIT_LABELS: Record<FigureUnit, string> = {
  share: '%',
  count: '件',
  days: '工作日',
  visits: '次',
  minutes: '分钟',
};

const PERCENT = '0.00%';
const NONE = '—';

/** A sheet with a bold, shaded, frozen header row and the rows under it; shares formatted as percentages. */
function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: Cell[][],
  percentColumns: number[] = [],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.columns = headers.map((h) => ({ width: Math.max(10, Math.min(60, h.length * 2 + 4)) }));
  for (const cells of rows) {
    const added = sheet.addRow(cells.map((c) => c ?? NONE));
    for (const column of percentColumns) {
      const cell = added.getCell(column + 1);
      if (typeof cell.value === 'number') cell.numFmt = PERCENT;
    }
  }
  return sheet;
}

/** The 指标 sheet: each figure now and before, with what it was counted from, its promise and formula. */
function figureRows(answer: Answer): Cell[][] {
  return answer.figures.map((f) => {
    const definition = FIGURES[f.key];
    const promise = definition.promise ? PROMISE_LABELS[definition.promise].zh : '';
    const value = (v: number | null) => (f.available ? v : '不适用');
    return [
      definition.zh,
      UNIT_LABELS[definition.unit],
      value(f.current.value),
      f.available ? f.current.numerator : null,
      f.available ? f.current.denominator : null,
      value(f.previous.value),
      f.available ? f.previous.numerator : null,
      f.available ? f.previous.denominator : null,
      promise,
      f.promise ?? null,
      definition.formulaZh,
    ];
  });
}

const FIGURE_HEADERS = [
  '指标',
  '单位',
  '本期',
  '本期分子',
  '本期分母',
  '上期',
  '上期分子',
  '上期分母',
  '对照承诺',
  '承诺值',
  '计算方法',
];

const BREAKDOWN_HEADERS = [
  '收件',
  '办结',
  '按时办结率',
  '超期办结',
  '平均跑动（次）',
  '最多跑一次率',
  '全程网办率',
  '平均用时（工作日）',
];

const breakdownCells = (r: Row): Cell[] => [
  r.name,
  r.received,
  r.concluded,
  r.onTimeRate,
  r.concludedLate,
  r.averageVisits,
  r.atMostOneVisitShare,
  r.fullyOnlineShare,
  r.averageWorkingDays,
];

/** The scope and periods, as the workbook's title says them. */
export function scopeTitle(answer: Pick<Answer, 'scope'>): string {
  const { region, department, hall, matter } = answer.scope;
  return [region.name, department?.name, hall?.name, matter?.name].filter(Boolean).join(' · ');
}

/** The figures as a workbook: 指标, 目录承诺, 按区划, 按部门, 按日. */
export async function figuresWorkbook(answer: Answer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  workbook.title = `${scopeTitle(answer)} ${answer.period.from}至${answer.period.to} 数据统计`;
  const shares = answer.figures.map((f) => FIGURES[f.key].unit === 'share');
  const sheet = addSheet(workbook, '指标', FIGURE_HEADERS, figureRows(answer));
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const promiseKey = FIGURES[answer.figures[n - 2]!.key].promise;
    for (const column of [3, 6]) {
      const cell = row.getCell(column);
      if (shares[n - 2] && typeof cell.value === 'number') cell.numFmt = PERCENT;
    }
    const promise = row.getCell(10);
    if (promiseKey && !promiseKey.startsWith('average') && typeof promise.value === 'number') {
      promise.numFmt = PERCENT;
    }
  });
  sheet.getColumn(1).width = 28;
  sheet.getColumn(11).width = 70;
  const promises = addSheet(
    workbook,
    '目录承诺',
    ['承诺指标', '值', '分子', '分母', '计算方法'],
    answer.promises.map((p) => [
      PROMISE_LABELS[p.key].zh,
      p.value,
      p.numerator,
      p.denominator,
      PROMISE_LABELS[p.key].formulaZh,
    ]),
  );
  promises.eachRow((row, n) => {
    const key = answer.promises[n - 2]?.key;
    if (key && !key.startsWith('average') && typeof row.getCell(2).value === 'number') {
      row.getCell(2).numFmt = PERCENT;
    }
  });
  promises.getColumn(5).width = 70;
  const breakdown = (name: string, first: string, rows: Row[]) =>
    addSheet(workbook, name, [first, ...BREAKDOWN_HEADERS], rows.map(breakdownCells), [3, 6, 7]);
  breakdown('按区划', '区划', answer.byRegion);
  breakdown('按部门', '部门', answer.byDepartment);
  addSheet(
    workbook,
    '按日',
    ['日期', '收件', '办结', '按时办结率'],
    answer.days.map((d) => [d.day, d.received, d.concluded, d.onTimeRate]),
    [3],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CASE_HEADERS = [
  '办件编号',
  '事项',
  '部门',
  '区划',
  '渠道',
  '状态',
  '提交时间',
  '受理日期',
  '承诺期限',
  '办结时间',
  '用时（工作日）',
  '跑动次数',
];

const chinaTime = (at: Date | null) =>
  at ? at.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16) : null;

/** The cases behind a figure as a workbook: one row each, the figure's part marked in its own column. */
export async function casesWorkbook(
  answer: Static<typeof FigureCasesAnswer>,
  title: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  workbook.title = title;
  const part = FIGURE_PARTS[answer.figure];
  const rows = answer.items.map((c): Cell[] => [
    c.caseNo,
    c.matterName,
    c.departmentName,
    c.regionName,
    CASE_CHANNEL_LABELS[c.channel]?.zh ?? c.channel,
    CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status,
    chinaTime(c.filedAt),
    c.acceptedOn,
    c.promisedDeadline,
    chinaTime(c.concludedAt),
    c.workingDaysUsed,
    c.visits,
    c.part ? '是' : '',
  ]);
  const sheet = addSheet(
    workbook,
    FIGURES[answer.figure].zh.slice(0, 31),
    [...CASE_HEADERS, part.partZh],
    rows,
  );
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
