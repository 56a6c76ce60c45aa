import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { valueProblems } from '../../common/forms/checks.ts';
import type { ColumnField, FormDefinition, FormField, FormValues } from '../../common/forms/schema.ts';
import { VALID_CREDIT_CODE, VALID_ID } from '../../common/forms/testing.ts';
import { validateForm } from '../../common/forms/validate.ts';
import type { Session } from '../../server/testing/processes.ts';

/*
 * Application forms in browser tests: the values a test does not care about, filled in through the
 * renderer as a person would (submit shows what is missing, each field is answered), or over the API.
 */

type Field = FormField | ColumnField;

/** A tiny file the server takes for a PDF (the type is read from the content). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The sample region (西安市新城区) and the name it is searched by. */
const REGION = { code: '610102', name: '新城区' };

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

function setAt(values: FormValues, path: string, value: unknown): FormValues {
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

/** Uploads a PDF as the session's account and answers its hash (for a file field sent over the API). */
export async function uploadOver(session: Session, name = '附件.pdf'): Promise<string> {
  const res = await fetch(`${session.base}/api/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/pdf' },
    body: PDF,
  });
  assert.ok(res.ok, `upload: ${res.status}`);
  return ((await res.json()) as { sha256: string }).sha256;
}

/** Types or picks one value in a rendered field (the renderer's controls, by the field's type). */
export async function setField(box: Locator, field: Field, value: unknown): Promise<void> {
  const page = box.page();
  const input = box.locator('input:not([type=file]), textarea').first();
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'number':
    case 'money':
      await input.fill(String(value));
      return;
    case 'date':
      await input.fill(String(value));
      await input.press('Enter');
      return;
    case 'dateRange': {
      const range = value as { from: string; to: string };
      const [from, to] = [box.locator('input').nth(0), box.locator('input').nth(1)];
      await from.fill(range.from);
      await from.press('Enter');
      await to.fill(range.to);
      await to.press('Enter');
      return;
    }
    case 'region':
      await input.fill(REGION.name);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: String(value) })
        .click();
      return;
    case 'choice':
    case 'multiChoice': {
      const chosen = Array.isArray(value) ? value : [value];
      if ((await box.locator('.ant-select').count()) === 0) {
        for (const v of chosen) await box.getByText(label(v), { exact: true }).click();
        return;
      }
      for (const v of chosen) {
        await box.locator('.ant-select').click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label(v) })
          .first()
          .click();
      }
      if (field.type === 'multiChoice') await input.press('Escape');
      return;
    }
    case 'yesNo':
      await box.getByText(value ? '是' : '否', { exact: true }).click();
      return;
    case 'file':
      await box.locator('input[type=file]').setInputFiles({
        name: `${field.label}.pdf`,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await box.getByTestId('form-file-name').waitFor();
      return;
    case 'table': {
      const rows = (value as unknown[]).length;
      for (let i = 0; i < rows; i++) await box.getByTestId('form-row-add').last().click();
      return;
    }
    default:
      await input.fill(String(value));
  }
}

/** The paths of the rendered fields that show a problem of their own. */
async function fieldsWithProblems(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll('[data-testid=field-error]')]
      .map((e) => e.closest('[data-testid=form-field]')?.getAttribute('data-path'))
      .filter((p): p is string => !!p),
  );
}

/**
 * Answers what the form still asks for through the page, as a person would: `submit` is pressed,
 * each field showing a problem gets a sample value (or the one `values` gives for its path), and
 * again until submitting shows no problem on the form (on a phone the renderer opens the step of
 * the first one each time). Returns the paths it filled.
 */
export async function answerTheForm(
  scope: Locator,
  definition: FormDefinition,
  submit: Locator,
  values: Record<string, unknown> = {},
): Promise<string[]> {
  const filled: string[] = [];
  const banner = scope.page().getByTestId('form-issues');
  for (let round = 0; round < 30; round++) {
    await submit.click();
    const problems = await banner
      .waitFor({ timeout: 1500 })
      .then(() => true)
      .catch(() => false);
    if (!problems) return filled;
    const paths = await fieldsWithProblems(scope);
    assert.ok(paths.length, 'the form reports problems but shows none on a field');
    for (const path of paths) {
      const field = fieldAt(definition, path);
      assert.ok(field, `no field at ${path}`);
      const box = scope.locator(`[data-testid=form-field][data-path="${path}"]`);
      await setField(box, field, path in values ? values[path] : sampleValue(field));
      filled.push(path);
    }
  }
  assert.fail(`the form still shows problems: ${(await fieldsWithProblems(scope)).join(', ')}`);
}

/**
 * Waits for `filed` (the page after a submission); on time-out says why the application page
 * refused: its problem banner and each field's problem.
 */
export async function expectFiled(filed: Locator): Promise<void> {
  try {
    await filed.waitFor();
  } catch (error) {
    const page = filed.page();
    const texts = async (selector: string) =>
      (await page.locator(selector).allTextContents()).map((t) => t.trim()).join(' | ');
    const banners = await texts('[data-testid$=-error], [data-testid=form-issues]');
    const fields = await page
      .locator('[data-testid=form-field]:has(> * [data-testid=field-error])')
      .evaluateAll((boxes) =>
        boxes.map(
          (b) =>
            `${b.getAttribute('data-path')}: ${b.querySelector('[data-testid=field-error]')?.textContent}`,
        ),
      );
    throw new Error(`not filed; the page says: ${banners || '—'}; fields: ${fields.join(', ') || '—'}`, {
      cause: error,
    });
  }
}
