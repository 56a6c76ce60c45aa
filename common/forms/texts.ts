import { isEmpty } from './conditions.ts';
import type { ColumnField, Condition, FormDefinition, FormField, FormValues } from './schema.ts';

/*
 * The printable Chinese text of a filled form's values: what the 申请书 PDF prints, and what a
 * certificate issued on the application takes from it. Plain code without data: the names of
 * regions and uploaded files come from the caller (the server reads them from the database), so
 * the browser may use it too.
 */

/** Names the form's values refer to by code: a region's name, an uploaded file's name. */
export type TextLookups = {
  /** The name of a region code (陕西省西安市新城区); the code itself is printed when unknown. */
  regionName?: (code: string) => string | undefined;
  /** The name of an uploaded file by its sha256; 已上传 is printed when unknown. */
  fileName?: (sha256: string) => string | undefined;
};

/** A field of the form or a column of a table. */
type AnyField = FormField | ColumnField;

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const optionLabel = (field: AnyField, value: unknown) =>
  field.options?.find((o) => o.value === value)?.label ?? String(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The text of one value of a field: a choice's label, a multiple choice's labels joined with
 * 、, 是 / 否, money as `1,250.50 元`, a range of days as `2026-01-01 至 2027-01-01`, a region's
 * name, an uploaded file's name, a table's rows as `李四，身份证号；王五，…` (cells with ，, rows
 * with ；). Null for an empty value or one that does not fit the field's type.
 */
export function fieldText(field: AnyField, value: unknown, lookups: TextLookups = {}): string | null {
  if (isEmpty(value)) return null;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
    case 'idNumber':
    case 'creditCode':
    case 'phone':
    case 'date':
      return typeof value === 'string' ? value.trim() : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? `${money.format(value)} 元` : null;
    case 'dateRange': {
      if (!isRecord(value) || typeof value.from !== 'string' || typeof value.to !== 'string') return null;
      return `${value.from} 至 ${value.to}`;
    }
    case 'region':
      return typeof value === 'string' ? (lookups.regionName?.(value) ?? value) : null;
    case 'choice':
      return typeof value === 'string' ? optionLabel(field, value) : null;
    case 'multiChoice':
      return Array.isArray(value) ? value.map((v) => optionLabel(field, v)).join('、') : null;
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : null;
    case 'file':
      return typeof value === 'string' ? (lookups.fileName?.(value) ?? '已上传') : null;
    case 'table': {
      const rows = tableTexts(field as FormField, value, lookups);
      const lines = rows.map((cells) => cells.filter((c) => c !== '').join('，')).filter((l) => l !== '');
      return lines.length ? lines.join('；') : null;
    }
  }
}

/** The texts of a table's rows, cell by cell in the order of its columns ('' for an empty cell). */
export function tableTexts(field: FormField, value: unknown, lookups: TextLookups = {}): string[][] {
  if (!Array.isArray(value)) return [];
  const columns = field.columns ?? [];
  return value.map((row) =>
    columns.map((column) => (isRecord(row) ? (fieldText(column, row[column.key], lookups) ?? '') : '')),
  );
}

/** One filled field of a form as printed: its key, label and binding, and the text of its value. */
export type FieldText = { key: string; label: string; binding?: string; text: string };

const fieldsOf = (definition: FormDefinition): FormField[] =>
  (definition?.sections ?? []).flatMap((s) => s?.fields ?? []);

/** The filled top-level fields of a form with their texts, in the form's order. */
export function formFieldTexts(
  definition: FormDefinition,
  values: FormValues,
  lookups: TextLookups = {},
): FieldText[] {
  const given = isRecord(values) ? values : {};
  const texts: FieldText[] = [];
  for (const field of fieldsOf(definition)) {
    const text = Object.hasOwn(given, field.key) ? fieldText(field, given[field.key], lookups) : null;
    if (text === null) continue;
    texts.push({
      key: field.key,
      label: field.label,
      ...(field.binding ? { binding: field.binding } : {}),
      text,
    });
  }
  return texts;
}

/** The printable text of each filled top-level field of a form, by field key. */
export function formTexts(
  definition: FormDefinition,
  values: FormValues,
  lookups: TextLookups = {},
): Record<string, string> {
  return Object.fromEntries(formFieldTexts(definition, values, lookups).map((t) => [t.key, t.text]));
}

/** The region codes a form's values name (top-level fields and table cells), for looking up their names. */
export function regionCodesOf(definition: FormDefinition, values: FormValues): string[] {
  const given = isRecord(values) ? values : {};
  const codes = new Set<string>();
  for (const field of fieldsOf(definition)) {
    const value = given[field.key];
    if (field.type === 'region' && typeof value === 'string') codes.add(value);
    if (field.type === 'table' && Array.isArray(value))
      for (const column of field.columns ?? [])
        for (const row of value)
          if (column.type === 'region' && isRecord(row) && typeof row[column.key] === 'string')
            codes.add(row[column.key] as string);
  }
  return [...codes];
}

/**
 * When a conditional field applies, in words for a printed form: 主体业态为“单位食堂”,
 * 是否网络经营为“是”, 已填写经营面积, joined with 且 / 或. `fields` are those the condition may
 * name (the form's, and a row's columns).
 */
export function conditionText(condition: Condition, fields: readonly AnyField[], depth = 0): string {
  if (depth > 20 || typeof condition !== 'object' || condition === null) return '';
  const part = (c: Condition) => {
    const text = conditionText(c, fields, depth + 1);
    return 'and' in c || 'or' in c ? `（${text}）` : text;
  };
  if ('and' in condition) return condition.and.map(part).join('且');
  if ('or' in condition) return condition.or.map(part).join('或');
  if ('not' in condition) return leafText(condition.not, fields, true) ?? `并非${part(condition.not)}`;
  return leafText(condition, fields, false) ?? '';
}

/** A condition on one field in words (negated: 不为 / 未填写); null for and / or / not. */
function leafText(condition: Condition, fields: readonly AnyField[], negated: boolean): string | null {
  if (typeof condition !== 'object' || condition === null || !('field' in condition)) return null;
  const field = fields.find((f) => f.key === condition.field);
  const label = field?.label ?? condition.field;
  const said = (v: string | number | boolean) =>
    `“${field ? (fieldText(field, field.type === 'multiChoice' ? [v] : v) ?? String(v)) : String(v)}”`;
  const is = negated ? '不为' : '为';
  if ('equals' in condition) return `${label}${is}${said(condition.equals)}`;
  if ('in' in condition) return `${label}${is}${condition.in.map(said).join('或')}`;
  return `${negated ? '未填写' : '已填写'}${label}`;
}
