import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import type { FigureRow, FiguresAnswer } from '../../common/hotline/api.ts';
import { HOTLINE_FIGURE_LABELS, KIND_LABELS, REQUEST_KINDS } from '../../common/hotline/lists.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = Static<typeof FigureRow>;
type Column = { header: string; width: number; value: (row: Row) => string | number | null };

/** A rate in per cent with two decimals; empty when there is nothing to divide by. */
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 10_000) / 100);
const name = (figure: keyof typeof HOTLINE_FIGURE_LABELS) => HOTLINE_FIGURE_LABELS[figure].name.zh;

const COLUMNS: Column[] = [
  { header: '月份', width: 10, value: (r) => r.month },
  { header: '部门', width: 24, value: (r) => (r.departmentId ? (r.departmentName ?? '') : '全区划') },
  { header: name('received'), width: 10, value: (r) => r.received },
  ...REQUEST_KINDS.map((k) => ({ header: KIND_LABELS[k].zh, width: 8, value: (r: Row) => r.byKind[k] })),
  { header: `${name('immediateRate')}（%）`, width: 14, value: (r) => percent(r.immediateRate) },
  { header: `${name('onTimeRate')}（%）`, width: 14, value: (r) => percent(r.onTimeRate) },
  { header: name('overdue'), width: 8, value: (r) => r.overdue },
  { header: name('returned'), width: 8, value: (r) => r.returned },
  { header: '已回访', width: 8, value: (r) => r.revisited },
  { header: `${name('satisfactionRate')}（%）`, width: 14, value: (r) => percent(r.satisfactionRate) },
];

/** The figures as a workbook: one row per month and department, then how each figure is computed. */
export async function figuresWorkbook(figures: Static<typeof FiguresAnswer>) {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('12345统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const row of figures.rows) sheet.addRow(COLUMNS.map((c) => c.value(row)));
  const methods = workbook.addWorksheet('计算方法');
  methods.columns = [
    { header: `${figures.regionName} ${figures.from} 至 ${figures.to}`, width: 16 },
    { header: '计算方法', width: 80 },
  ];
  methods.getRow(1).font = { bold: true };
  for (const label of Object.values(HOTLINE_FIGURE_LABELS)) methods.addRow([label.name.zh, label.method.zh]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
