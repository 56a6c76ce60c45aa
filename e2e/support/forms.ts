import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { completedValues, type Field, fieldAt, REGION, sampleValue } from '../../server/testing/forms.ts';
import type { Session } from '../../server/testing/processes.ts';

/*
 * Application forms in browser tests: the values a test does not care about, filled in through the
 * renderer as a person would (submit shows what is missing, each field is answered), or over the API.
 */

/** A tiny file the server takes for a PDF (the type is read from the content). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export { completedValues, fieldAt, sampleValue };

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
