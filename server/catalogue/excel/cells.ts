import { type Column, columnName, FIELD_SEPARATOR, type SheetSpec } from './columns.ts';

/** One problem of an import file, in the words a person filling in the sheet understands. */
export type ImportIssue = { sheet: string; row: number; column: string; problem: string };

/** The text of an exceljs cell value, whatever form the spreadsheet program stored it in. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return cellText(v.richText.map((r) => r.text).join(''));
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
  }
  return '';
}

/** Splits a multi-value cell: 、，,；; and line breaks all separate values. */
export function splitValues(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One item per line; fields separated by |, the last field taking the rest of the line. */
export function splitItems(text: string, fields: number): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(FIELD_SEPARATOR);
      const head = parts.slice(0, fields - 1);
      const rest = parts.slice(fields - 1).join(FIELD_SEPARATOR);
      return [...head, ...(parts.length >= fields ? [rest] : [])].map((p) => p.trim());
    });
}

/** A field of a multi-item cell as written on export: on one line, and no separator unless it is the last. */
export function itemField(value: string, last = false): string {
  const flat = value.replace(/\s*\n\s*/g, ' ');
  return last ? flat : flat.replaceAll(FIELD_SEPARATOR, '｜');
}

export function joinItems(items: string[][]): string {
  return items
    .map((fields) => fields.map((f, i) => itemField(f, i === fields.length - 1)).join(FIELD_SEPARATOR))
    .join('\n');
}

/** Code of a Chinese label (or of the code itself), or undefined. */
export function codeOf<T extends string>(map: Record<T, string>, text: string): T | undefined {
  for (const [code, label] of Object.entries(map) as [T, string][]) {
    if (label === text || code === text) return code;
  }
  return undefined;
}

/** Reads the cells of one data row, recording a problem for every cell that cannot be read. */
export function rowReader(sheet: SheetSpec, row: number, texts: Map<string, string>, issues: ImportIssue[]) {
  const problem = (key: string, text: string) =>
    issues.push({ sheet: sheet.name, row, column: columnName(sheet, key), problem: text });
  const header = (key: string) => sheet.columns.find((c: Column) => c.key === key)?.header ?? key;
  const raw = (key: string) => texts.get(key) ?? '';

  return {
    problem,
    raw,
    /** Text; '' when empty. With `required`, an empty cell is a problem. */
    text(key: string, options: { required?: boolean; max?: number } = {}): string {
      const value = raw(key);
      if (options.required && !value) problem(key, `${header(key)}为必填项`);
      else if (options.max && value.length > options.max)
        problem(key, `${header(key)}不能超过 ${options.max} 个字`);
      return value;
    },
    integer(key: string, min: number, max: number): number {
      const value = raw(key);
      if (!value) {
        problem(key, `${header(key)}为必填项`);
        return min;
      }
      if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        problem(key, `${header(key)}须为 ${min}—${max} 的整数，现为“${value}”`);
        return min;
      }
      return Number(value);
    },
    coded<T extends string>(key: string, map: Record<T, string>): T | undefined {
      const value = raw(key);
      if (!value) {
        problem(key, `${header(key)}为必填项`);
        return undefined;
      }
      const code = codeOf(map, value);
      if (!code) problem(key, `${header(key)}“${value}”不是可选的取值（${Object.values(map).join('、')}）`);
      return code;
    },
    codedList<T extends string>(
      key: string,
      map: Record<T, string>,
      options: { required?: boolean } = {},
    ): T[] {
      const values = splitValues(raw(key));
      if (options.required && !values.length) problem(key, `${header(key)}为必填项`);
      const codes: T[] = [];
      for (const value of values) {
        const code = codeOf(map, value);
        if (!code) problem(key, `${header(key)}“${value}”不是可选的取值（${Object.values(map).join('、')}）`);
        else if (codes.includes(code)) problem(key, `${header(key)}“${value}”重复`);
        else codes.push(code);
      }
      return codes;
    },
    yesNo(key: string): boolean {
      const value = raw(key);
      if (value === '是') return true;
      if (value === '否') return false;
      problem(key, value ? `${header(key)}须填“是”或“否”，现为“${value}”` : `${header(key)}为必填项`);
      return false;
    },
  };
}

export type RowReader = ReturnType<typeof rowReader>;
