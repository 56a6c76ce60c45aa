import type {
  ColumnField,
  FieldOption,
  FormDefinition,
  FormField,
  FormSection,
} from '../../../common/forms/schema.ts';
import { codeOf, type RowReader } from './cells.ts';
import { FIELD_TYPE_LABELS, FORM_SHEET } from './columns.ts';

/**
 * The 申请表字段 sheet: one row per field of an implementation's application form, in the order
 * of the form; a table's columns follow the table, each naming it in 所属表格. Conditions and
 * validation rules are JSON text; options `value:label|value:label` (JSON when that cannot say them).
 */

type Cells = Record<string, string | number>;

const yesNoCell = (value: boolean | undefined) => (value === undefined ? '' : value ? '是' : '否');
const jsonCell = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** Options as `value:label|value:label` when that says all of them exactly, else as JSON. */
export function optionsCell(options: FieldOption[] | undefined): string {
  if (!options?.length) return '';
  const plain = options.every(
    (o) =>
      o.labelEn === undefined &&
      /^[^\s:：|[](?:[^:：|\n]*[^\s:：|])?$/.test(o.value) &&
      /^[^\s|](?:[^|\n]*[^\s|])?$/.test(o.label),
  );
  return plain ? options.map((o) => `${o.value}:${o.label}`).join('|') : JSON.stringify(options);
}

function fieldCells(field: FormField | ColumnField): Cells {
  return {
    key: field.key,
    type: FIELD_TYPE_LABELS[field.type] ?? field.type,
    label: field.label,
    required: yesNoCell(field.required),
    shownWhen: jsonCell(field.shownWhen),
    requiredWhen: jsonCell(field.requiredWhen),
    validation: jsonCell(field.validation),
    options: optionsCell(field.options),
    binding: field.binding ?? '',
    editable: yesNoCell(field.editable),
    help: field.help ?? '',
    labelEn: field.labelEn ?? '',
    helpEn: field.helpEn ?? '',
  };
}

/** The rows of 申请表字段 for one implementation's form (none without a form). */
export function formCells(implementationCode: string, form: FormDefinition | undefined): Cells[] {
  const rows: Cells[] = [];
  for (const section of form?.sections ?? []) {
    section.fields.forEach((field, i) => {
      const inSection = {
        implementationCode,
        sectionKey: section.key,
        sectionTitle: section.title,
        sectionTitleEn: section.titleEn ?? '',
      };
      rows.push({
        ...inSection,
        sectionDescription: i === 0 ? (section.description ?? '') : '',
        table: '',
        ...fieldCells(field),
      });
      for (const column of field.columns ?? [])
        rows.push({ ...inSection, table: field.key, ...fieldCells(column) });
    });
  }
  return rows;
}

/** One 申请表字段 row as read: the section it names, the table it is a column of ('' for none), the field. */
export type FormRow = {
  implementationCode: string;
  section: Omit<FormSection, 'fields'>;
  table: string;
  field: FormField;
};

const header = (key: string) => FORM_SHEET.columns.find((c) => c.key === key)?.header ?? key;

/** A JSON object cell; undefined when empty. Curly quotes a spreadsheet program put in are taken as straight ones. */
function jsonOf(r: RowReader, key: string): Record<string, unknown> | undefined {
  const text = r.raw(key);
  if (!text) return undefined;
  for (const attempt of [text, text.replace(/[“”]/g, '"')]) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
      r.problem(key, `${header(key)}须为 JSON 对象（以 { 开头）`);
      return undefined;
    } catch {
      // the next attempt, or the problem below
    }
  }
  r.problem(key, `${header(key)}不是有效的 JSON：${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
  return undefined;
}

/** 是 / 否 / empty (left out). */
function optionalYesNo(r: RowReader, key: string): boolean | undefined {
  const value = r.raw(key);
  if (!value) return undefined;
  if (value === '是') return true;
  if (value === '否') return false;
  r.problem(key, `${header(key)}须填“是”“否”或留空，现为“${value}”`);
  return undefined;
}

/** `value:label|value:label` (or one a line; a lone name is its own value), or a JSON array. */
function optionsOf(r: RowReader): FieldOption[] | undefined {
  const text = r.raw('options');
  if (!text) return undefined;
  if (text.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return value as FieldOption[];
    } catch {
      // reported below
    }
    r.problem('options', '选项以 [ 开头时须为 JSON 数组，如 [{"value":"a","label":"甲"}]');
    return undefined;
  }
  return text
    .split(/[|\n]/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.search(/[:：]/);
      if (at < 0) return { value: item, label: item };
      return { value: item.slice(0, at).trim(), label: item.slice(at + 1).trim() };
    });
}

/** Reads one 申请表字段 row; the field's rules are checked later with the whole form. */
export function readFormRow(r: RowReader): FormRow {
  const typeText = r.text('type', { required: true });
  const type = typeText ? codeOf(FIELD_TYPE_LABELS, typeText) : undefined;
  if (typeText && !type)
    r.problem(
      'type',
      `字段类型“${typeText}”不是可选的取值（${Object.values(FIELD_TYPE_LABELS).join('、')}）`,
    );
  const field: FormField = { key: r.text('key', { required: true }), type: type ?? 'text', label: '' };
  field.label = r.text('label', { required: true });
  const optional = {
    labelEn: r.raw('labelEn') || undefined,
    help: r.raw('help') || undefined,
    helpEn: r.raw('helpEn') || undefined,
    required: optionalYesNo(r, 'required'),
    requiredWhen: jsonOf(r, 'requiredWhen'),
    shownWhen: jsonOf(r, 'shownWhen'),
    validation: jsonOf(r, 'validation'),
    options: optionsOf(r),
    binding: r.raw('binding') || undefined,
    editable: optionalYesNo(r, 'editable'),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (field as Record<string, unknown>)[key] = value;
  const section: FormRow['section'] = { key: r.raw('sectionKey'), title: r.raw('sectionTitle') };
  if (r.raw('sectionTitleEn')) section.titleEn = r.raw('sectionTitleEn');
  if (r.raw('sectionDescription')) section.description = r.raw('sectionDescription');
  return {
    implementationCode: r.text('implementationCode', { required: true }),
    section,
    table: r.raw('table'),
    field,
  };
}
