import { rowCountProblems, toFen, valueProblems } from './checks.ts';
import { holds, isEmpty, type Lookup, shownFields } from './conditions.ts';
import type { ColumnField, FormDefinition, FormField, FormIssue, FormValues } from './schema.ts';

/*
 * The one validator of a filled form: the browser runs it as the applicant types, the server on
 * submission, the Excel import on each row. It needs no TypeBox (import type only) and never throws.
 */

/** What validateForm finds: the issues (none when the values may be filed) and the values to keep. */
export type FormCheck = { ok: boolean; issues: FormIssue[]; values: FormValues };

const issue = (path: string, code: string, message: string, messageEn: string): FormIssue => ({
  path,
  code,
  message,
  messageEn,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (values: Record<string, unknown>, key: string) =>
  Object.hasOwn(values, key) ? values[key] : undefined;

/**
 * Strings trimmed (ID numbers and credit codes upper-cased, phone numbers without spaces), a range's days trimmed, money rounded
 * to the fen when it has at most 2 decimals, the rest as given.
 */
function normalised(field: ColumnField | FormField, value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    if (field.type === 'phone') return text.replace(/\s+/g, '');
    return field.type === 'idNumber' || field.type === 'creditCode' ? text.toUpperCase() : text;
  }
  if (field.type === 'money' && typeof value === 'number' && Number.isFinite(value)) {
    const fen = toFen(value);
    return fen === null ? value : fen / 100;
  }
  if (field.type === 'dateRange' && isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
    );
  return value;
}

const fieldsOf = (form: FormDefinition): FormField[] =>
  Array.isArray(form?.sections)
    ? form.sections.flatMap((s) => (Array.isArray(s?.fields) ? s.fields : []))
    : [];

type Scope = { prefix: string; issues: FormIssue[] };

/**
 * Checks the values of one level (the form's fields, or a row's columns) and returns those kept:
 * the shown fields that are not empty, normalised. A hidden field is neither required nor kept.
 */
function checkLevel(
  fields: readonly (FormField | ColumnField)[],
  values: unknown,
  scope: Scope,
  outer: Lookup,
): Record<string, unknown> {
  if (!isRecord(values)) {
    scope.issues.push(
      issue(scope.prefix.replace(/\.$/, ''), 'type', '填写内容格式不正确', 'must be an object'),
    );
    return {};
  }
  const given = values;
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(given))
    if (!known.has(key))
      scope.issues.push(
        issue(`${scope.prefix}${key}`, 'unknown', '表单中没有这一项', 'not a field of the form'),
      );
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const value = (key: string) => {
    const v = normalised(byKey.get(key)!, own(given, key));
    return isEmpty(v) ? undefined : v;
  };
  const shown = shownFields(fields, value, outer);
  const lookup: Lookup = (key) => (known.has(key) ? (shown.has(key) ? value(key) : undefined) : outer(key));
  const kept: [string, unknown][] = [];
  for (const field of fields) {
    if (!shown.has(field.key)) continue;
    const path = `${scope.prefix}${field.key}`;
    const v = value(field.key);
    if (v === undefined) {
      const required =
        field.required === true || (field.requiredWhen !== undefined && holds(field.requiredWhen, lookup));
      if (required) scope.issues.push(requiredIssue(field, path));
      continue;
    }
    if (field.type === 'table') {
      kept.push([field.key, checkTable(field as FormField, v, path, scope.issues, lookup)]);
      continue;
    }
    const problems = valueProblems(field, v);
    for (const p of problems) scope.issues.push(issue(path, p.code, p.message, p.messageEn));
    kept.push([field.key, v]);
  }
  return Object.fromEntries(kept);
}

function requiredIssue(field: FormField | ColumnField, path: string): FormIssue {
  const choose = ['choice', 'multiChoice', 'yesNo', 'region', 'date', 'dateRange'].includes(field.type);
  const upload = field.type === 'file';
  const verb = upload ? '请上传' : choose ? '请选择' : '请填写';
  return issue(path, 'required', `${verb}${field.label}`, `${field.labelEn ?? field.label} is required`);
}

function checkTable(
  field: FormField,
  rows: unknown,
  path: string,
  issues: FormIssue[],
  outer: Lookup,
): unknown[] {
  if (!Array.isArray(rows)) {
    issues.push(issue(path, 'type', `${field.label}应为表格的各行`, 'must be a list of rows'));
    return [];
  }
  for (const p of rowCountProblems(field, rows.length))
    issues.push(issue(path, p.code, p.message, p.messageEn));
  const columns = Array.isArray(field.columns) ? field.columns : [];
  return rows.map((row, i) => checkLevel(columns, row, { prefix: `${path}.${i}.`, issues }, outer));
}

/**
 * Checks a filled form against its definition: required fields (required, or requiredWhen holds),
 * honouring shownWhen; each value's type and validation rules; a table's rows column by column
 * (paths such as `items.2.name`); keys the form does not have are refused. A hidden field is
 * neither required nor kept: `values` holds only the shown, non-empty fields, strings trimmed,
 * ID numbers and credit codes in upper case, money rounded to the fen. Values are JSON as the
 * renderer sends them: number and money are numbers (not text), yesNo a boolean, dateRange
 * `{ from, to }`, multiChoice a list of option values, table a list of rows. `form` is a definition
 * that passed validateFormDefinition. Never throws, whatever `values` is.
 */
export function validateForm(form: FormDefinition, values: unknown): FormCheck {
  const issues: FormIssue[] = [];
  const kept = checkLevel(fieldsOf(form), values, { prefix: '', issues }, () => undefined);
  return { ok: issues.length === 0, issues, values: kept };
}
