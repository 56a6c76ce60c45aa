import ExcelJS from 'exceljs';
import { AppError } from '../core/errors.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows of an import file: its header cells, then each data row with its number in the file. */
export type Sheet = { header: string[]; rows: { row: number; texts: string[] }[] };

const unreadable = (problem: string, problemEn: string) =>
  new AppError('registry.import_unreadable', { params: { problem, problemEn } });

/** CSV text: UTF-8 (with or without BOM) or, as spreadsheet programs in China save it, GBK. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(content);
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF. */
export function parseCsv(content: Buffer): Sheet {
  const text = decode(content);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw unreadable('引号未闭合', 'a quoted field is not closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...data] = records;
  return {
    header: header.map((h) => h.trim()),
    rows: data
      .map((texts, i) => ({ row: i + 2, texts: texts.map((t) => t.trim()) }))
      .filter((r) => r.texts.some((t) => t !== '')),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text ?? '').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    return '';
  }
  return String(value).trim();
}

/** The first worksheet of an xlsx workbook; its first row is the header. */
export async function parseXlsx(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable('不是有效的 Excel（.xlsx）文件', 'not a valid Excel (.xlsx) file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('工作簿中没有工作表', 'the workbook has no worksheet');
  const width = sheet.columnCount;
  const textsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = textsOf(sheet.getRow(1));
  const rows: Sheet['rows'] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const texts = textsOf(row);
    if (texts.some((t) => t !== '')) rows.push({ row: number, texts });
  });
  return { header, rows };
}

/** An xlsx workbook with one sheet: the header row and the given rows. */
export async function writeXlsx(name: string, header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => {
    c.width = 22;
    c.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
