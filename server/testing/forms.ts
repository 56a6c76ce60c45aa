import assert from 'node:assert/strict';
import { valueProblems } from '../../common/forms/checks.ts';
import type { ColumnField, FormDefinition, FormField, FormValues } from '../../common/forms/schema.ts';
import { VALID_CREDIT_CODE, VALID_ID } from '../../common/forms/testing.ts';
import { validateForm } from '../../common/forms/validate.ts';

/*
 * Application forms in tests: sample values for the fields a test does not care about, completed until
 * validateForm takes them (server tests over the API, browser tests through the renderer).
 */

export type Field = FormField | ColumnField;

/** The sample region (西安市新城区) and the name it is searched by. */
export const REGION = { code: '610102', name: '新城区' };

const TEXTS = ['西安示例商贸有限公司', '长期', '20年', '张三', 'https://www.example.cn', '示例', 'A1'];

const fits = (field: Field, value: unknown) => valueProblems(field, value).length === 0;

/**
 * A value that passes the field's own checks (type, length, pattern, range, options), for the
 * fields a test does not care about; `file` is the hash of an uploaded file.
 */
export function sampleValue(field: Field, file?: string): unknown {
  const rules = field.validation ?? {};
  switch (field.type) {
    case 'text':
      return TEXTS.find((t) => fits(field, t)) ?? '示例内容';
    case 'textarea':
      return ['示例说明：按实际情况填写', '示例'].find((t) => fits(field, t)) ?? '示例';
    case 'address':
      return '陕西省西安市新城区东大街8号';
    case 'number':
    case 'money':
      return Math.min(Math.max(rules.min ?? 1, 1), rules.max ?? Number.MAX_SAFE_INTEGER);
    case 'date':
      return '2026-03-16';
    case 'dateRange':
      return { from: '2026-01-01', to: '2028-12-31' };
    case 'region':
      return REGION.code;
    case 'choice':
      return field.options?.[0]?.value;
    case 'multiChoice':
      return field.options?.slice(0, Math.max(rules.minItems ?? 1, 1)).map((o) => o.value);
    case 'yesNo':
      return true;
    case 'idNumber':
      return VALID_ID;
    case 'creditCode':
      return VALID_CREDIT_CODE;
    case 'phone':
      return '13800138000';
    case 'file':
      return file;
    case 'table':
      return Array.from({ length: Math.max(rules.minItems ?? 1, 1) }, () => ({}));
  }
}

/** The field a path names: a key, or `<table>.<row>.<column>`. */
export function fieldAt(definition: FormDefinition, path: string): Field | undefined {
  const [key, , column] = path.split('.');
  const field = definition.sections.flatMap((s) => s.fields).find((f) => f.key === key);
  return column === undefined ? field : field?.columns?.find((c) => c.key === column);
}

export function setAt(values: FormValues, path: string, value: unknown): FormValues {
  const [key, row, column] = path.split('.');
  if (column === undefined) return { ...values, [key!]: value };
  const rows = [...((values[key!] as Record<string, unknown>[] | undefined) ?? [])];
  rows[Number(row)] = { ...rows[Number(row)], [column]: value };
  return { ...values, [key!]: rows };
}

/**
 * The values given, completed so that validateForm takes them: each field reported missing or
 * wrong gets a sample value (its conditions may then ask for more, so it runs until none is left).
 */
export function completedValues(definition: FormDefinition, given: FormValues, file?: string): FormValues {
  let values = given;
  for (let round = 0; round < 20; round++) {
    const check = validateForm(definition, values);
    if (check.ok) return check.values;
    for (const issue of check.issues) {
      const field = fieldAt(definition, issue.path);
      if (field) values = setAt(values, issue.path, sampleValue(field, file));
    }
  }
  const { issues } = validateForm(definition, values);
  assert.fail(`no sample values satisfy the form: ${JSON.stringify(issues)}`);
}
