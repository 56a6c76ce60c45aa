import ExcelJS from 'exceljs';
import type { Figures } from './figures.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Column<R> = { header: string; width: number; value: (row: R) => string | number | null };

/** Minutes with one decimal, as a hall manager reads them; empty when nothing was measured. */
const minutes = (s: number | null) => (s === null ? null : Math.round(s / 6) / 10);

function counts<
  R extends Figures['hall'][number] | Figures['windows'][number] | Figures['clerks'][number],
>(): Column<R>[] {
  return [
    { header: '办结数', width: 10, value: (r) => r.served },
    { header: '未到数', width: 10, value: (r) => r.noShows },
    { header: '平均等候（分钟）', width: 18, value: (r) => minutes(r.averageWaitSeconds) },
    { header: '平均办理（分钟）', width: 18, value: (r) => minutes(r.averageHandleSeconds) },
  ];
}

function addSheet<R>(workbook: ExcelJS.Workbook, name: string, columns: Column<R>[], rows: R[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
}

/** The figures as a workbook: one sheet each for the hall, its windows and its clerks. */
export async function figuresWorkbook(figures: Figures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = figures.hallName;
  workbook.created = new Date();
  const period = figures.by === 'month' ? '月份' : '日期';
  addSheet(
    workbook,
    '大厅',
    [
      { header: period, width: 12, value: (r) => r.period },
      { header: '取号数', width: 10, value: (r) => r.taken },
      ...counts<Figures['hall'][number]>(),
    ],
    figures.hall,
  );
  addSheet(
    workbook,
    '窗口',
    [
      { header: period, width: 12, value: (r) => r.period },
      { header: '窗口号', width: 10, value: (r) => r.windowNumber },
      { header: '窗口名称', width: 20, value: (r) => r.windowName },
      ...counts<Figures['windows'][number]>(),
    ],
    figures.windows,
  );
  addSheet(
    workbook,
    '工作人员',
    [
      { header: period, width: 12, value: (r) => r.period },
      { header: '工作人员', width: 16, value: (r) => r.clerkName },
      ...counts<Figures['clerks'][number]>(),
    ],
    figures.clerks,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
