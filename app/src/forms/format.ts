import { isEmpty } from '../../../common/forms/conditions.ts';
import type { ColumnField, FieldOption, FormField } from '../../../common/forms/schema.ts';

/** A field of the form or a column of a table. */
export type AnyField = FormField | ColumnField;

export type Lang = 'zh-CN' | 'en';

/** The field's label in the UI language (the Chinese one when no English is given). */
export const labelOf = (field: { label: string; labelEn?: string }, lang: Lang) =>
  lang === 'en' && field.labelEn ? field.labelEn : field.label;

export const helpOf = (field: { help?: string; helpEn?: string }, lang: Lang) =>
  lang === 'en' && field.helpEn ? field.helpEn : field.help;

export const optionLabel = (option: FieldOption, lang: Lang) =>
  lang === 'en' && option.labelEn ? option.labelEn : option.label;

type Words = { yes: string; no: string; yuan: string; uploaded: string; to: string };

/**
 * A value as a reader reads it: the labels of chosen options, 是 / 否, money in yuan with two
 * decimals, a range of days with its two ends, the name of an uploaded file. A table is said by
 * its number of rows (FormView shows its rows). Empty values give ''.
 */
export function formatValue(
  field: AnyField,
  value: unknown,
  lang: Lang,
  words: Words,
  fileNames: Record<string, string> = {},
): string {
  if (isEmpty(value)) return '';
  const label = (v: unknown) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? optionLabel(option, lang) : String(v);
  };
  switch (field.type) {
    case 'choice':
      return label(value);
    case 'multiChoice':
      return Array.isArray(value) ? value.map(label).join(lang === 'en' ? ', ' : '、') : String(value);
    case 'yesNo':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'money':
      return typeof value === 'number'
        ? `${value.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${words.yuan}`
        : String(value);
    case 'dateRange': {
      const range = value as { from?: string; to?: string };
      return `${range.from ?? ''} ${words.to} ${range.to ?? ''}`.trim();
    }
    case 'file':
      return typeof value === 'string' ? (fileNames[value] ?? words.uploaded) : '';
    case 'table':
      return Array.isArray(value) ? String(value.length) : '';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const canonical = (value: unknown): unknown => {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((v) => typeof v === 'string') ? [...(items as string[])].sort() : items;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !isEmpty(v))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
};

/** Whether two values say the same (text trimmed, a choice list in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
