import type { Locator, Page } from 'playwright-core';
import type { ColumnField, FormDefinition, FormField } from '../../common/forms/schema.ts';
import { fieldAt, PDF, sampleValue, setField } from '../../e2e/support/forms.ts';
import { Clock, type Pace } from './pace.ts';

/*
 * The demo company's 食品经营许可 on a phone, from the guide page to the filed case, at a given pace:
 * each step of the form read field by field: what the platform filled in checked, the premises
 * corrected (the shop is on another floor), what the data cannot know typed or chosen.
 */

type Field = FormField | ColumnField;

/** The answers the data cannot give, by field key (a table's by column key). */
const ANSWERS: Record<string, unknown> = {
  category: '餐饮服务经营者',
  scope: ['热食类食品制售', '冷食类食品制售（不含烧卤熟肉）'],
  warehouse: false,
  online: false,
  centralKitchen: false,
  promise: '本人（本单位）已阅读并作出以上承诺',
};
const MANAGER: Record<string, unknown> = {
  name: '林海峰',
  idNumber: '610102198506120033',
  phone: '13800138000',
  fullTime: true,
};
/** What the company adds to the 住所 its licence gives: the shop is on the ground floor. */
const PREMISES_ADDITION = '一层东侧商铺';

export type Tally = {
  /** Form fields as the platform filled them, checked. */
  checked: number;
  corrected: number;
  /** Fields typed by hand and the characters typed. */
  typed: number;
  characters: number;
  /** Fields answered by picking, and the options picked. */
  chosen: number;
  picks: number;
  /** Optional fields left empty. */
  leftEmpty: number;
  rowsAdded: number;
  steps: number;
  uploads: number;
  /** The paths of the fields, by what was done with them. */
  paths: Record<'checked' | 'corrected' | 'typed' | 'chosen' | 'leftEmpty', string[]>;
};

export type JourneyResult = {
  pace: string;
  totalMs: number;
  pausedMs: number;
  tally: Tally;
  caseNo: string;
  /** What the case records: fields filled, of them as the data gave them, and the premises corrected. */
  filled: number;
  prefilled: number;
  premisesCorrected: boolean;
  /** The place applied at (the guide's suggestion followed when there was one). */
  place: string;
};

type Shown = { path: string; prefilled: boolean; required: boolean };

const box = (scope: Locator | Page, path: string) =>
  scope.locator(`[data-testid=form-field][data-path="${path}"]`);

const TYPED = new Set(['text', 'textarea', 'address', 'idNumber', 'creditCode', 'phone', 'number', 'money']);
const PICKED = new Set(['choice', 'multiChoice', 'yesNo']);

class Applicant {
  readonly page: Page;
  readonly pace: Pace;
  readonly clock: Clock;
  readonly definition: FormDefinition;
  readonly tally: Tally = {
    checked: 0,
    corrected: 0,
    typed: 0,
    characters: 0,
    chosen: 0,
    picks: 0,
    leftEmpty: 0,
    rowsAdded: 0,
    steps: 0,
    uploads: 0,
    paths: { checked: [], corrected: [], typed: [], chosen: [], leftEmpty: [] },
  };

  constructor(page: Page, pace: Pace, definition: FormDefinition) {
    this.page = page;
    this.pace = pace;
    this.clock = new Clock(page);
    this.definition = definition;
  }

  /** Reads a field, then types `text` at the pace (appended to what it holds when `append`). */
  async type(target: Locator, text: string, append = false) {
    const input = target.locator('input:not([type=file]), textarea').first();
    await this.clock.pause(this.pace.readMs);
    if (this.pace.keyMs === 0) {
      await input.fill(append ? `${await input.inputValue()}${text}` : text);
    } else {
      await input.click();
      await input.press(append ? 'ControlOrMeta+End' : 'ControlOrMeta+A');
      await input.pressSequentially(text, { delay: this.pace.keyMs });
      this.clock.typed(text.length * this.pace.keyMs);
    }
    this.tally.characters += text.length;
  }

  /** Answers one field as a person would: types it, picks its options, or fills it (dates, regions). */
  async answer(target: Locator, path: string, field: Field, value: unknown) {
    if (TYPED.has(field.type)) {
      await this.type(target, String(value));
      this.tally.typed++;
      this.tally.paths.typed.push(path);
      return;
    }
    if (PICKED.has(field.type)) {
      const picks = Array.isArray(value) ? value : [value];
      for (const pick of picks) {
        await this.clock.pause(this.pace.choiceMs);
        await setField(target, field, field.type === 'multiChoice' ? [pick] : pick);
      }
      this.tally.chosen++;
      this.tally.picks += picks.length;
      this.tally.paths.chosen.push(path);
      return;
    }
    // A date, a range or a region: read, then entered as a person would at the pace of its text.
    const text = JSON.stringify(value);
    await this.clock.pause(this.pace.readMs + text.length * this.pace.keyMs);
    await setField(target, field, value);
    this.tally.typed++;
    this.tally.characters += text.length;
    this.tally.paths.typed.push(path);
  }

  /** The top-level fields of the step shown (a table's cells are answered with their table). */
  async shownFields(): Promise<Shown[]> {
    return this.page.locator('[data-testid=form-section]').evaluate((section) =>
      [...section.querySelectorAll('[data-testid=form-field]')]
        .map((el) => ({
          path: el.getAttribute('data-path') ?? '',
          prefilled: el.getAttribute('data-prefilled') === 'true',
          required:
            el.getAttribute('data-type') === 'table'
              ? !!el.querySelector(':scope > legend.form-required')
              : !!el.querySelector('.ant-form-item-required'),
        }))
        .filter((f) => f.path && !f.path.includes('.')),
    );
  }

  async table(target: Locator, field: FormField) {
    await this.clock.pause(this.pace.choiceMs);
    await target.getByTestId('form-row-add').last().click();
    this.tally.rowsAdded++;
    const row = (await target.getByTestId('form-table-row').count()) - 1;
    for (const column of field.columns ?? []) {
      const path = `${field.key}.${row}.${column.key}`;
      const cell = box(target, path);
      if ((await cell.count()) === 0) continue;
      const required = (await cell.locator('.ant-form-item-required').count()) > 0;
      const value = MANAGER[column.key] ?? (required ? sampleValue(column) : undefined);
      if (value === undefined) this.leftEmpty(path);
      else await this.answer(cell, path, column, value);
    }
  }

  leftEmpty(path: string) {
    this.tally.leftEmpty++;
    this.tally.paths.leftEmpty.push(path);
  }

  /** Every field of the step shown, in order; those an answer shows (shownWhen) in their turn. */
  async step() {
    const done = new Set<string>();
    for (;;) {
      const shown = (await this.shownFields()).find((f) => !done.has(f.path));
      if (!shown) return;
      done.add(shown.path);
      const target = box(this.page, shown.path);
      const field = fieldAt(this.definition, shown.path);
      if (!field) throw new Error(`the form shows ${shown.path}, which its definition lacks`);
      if (shown.path === 'premises') {
        await this.type(target, PREMISES_ADDITION, true);
        await target.getByTestId('field-corrected').waitFor();
        this.tally.corrected++;
        this.tally.typed++;
        this.tally.paths.corrected.push(shown.path);
      } else if (shown.prefilled) {
        await this.clock.pause(this.pace.checkMs);
        this.tally.checked++;
        this.tally.paths.checked.push(shown.path);
      } else if (field.type === 'table') {
        await this.table(target, field as FormField);
      } else if (ANSWERS[shown.path] !== undefined || shown.required) {
        await this.answer(target, shown.path, field, ANSWERS[shown.path] ?? sampleValue(field));
      } else {
        this.leftEmpty(shown.path);
      }
    }
  }

  /** The form step by step (第 n 步，共 m 步), 下一步 after each but the last. */
  async form() {
    const counter = this.page.getByTestId('form-step');
    for (let n = 1; ; n++) {
      await counter.getByText(new RegExp(`第 ${n} 步`)).waitFor();
      await this.step();
      this.tally.steps++;
      const next = this.page.getByTestId('form-next');
      if ((await next.count()) === 0) return;
      await this.clock.pause(this.pace.stepMs);
      await next.click();
    }
  }

  /** The materials the form does not stand for: those required and not found are uploaded. */
  async materials() {
    const rows = this.page.locator('[data-testid=apply-page] [data-testid=material-row]');
    for (const row of await rows.all()) {
      const required = (await row.locator('.ant-tag', { hasText: '必要' }).count()) > 0;
      const found = (await row.getByTestId('material-prefilled').count()) > 0;
      if (!required || found) continue;
      await this.clock.pause(this.pace.uploadMs);
      const name = `${(await row.locator('.ant-typography').first().textContent())?.trim()}.pdf`;
      await row.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
      await row.getByTestId('material-uploaded').waitFor();
      this.tally.uploads++;
    }
  }
}

/**
 * The journey on `page` (signed in as the company, phone-sized): from `guidePath` to the filed case.
 * Timed from opening the guide to the case page showing the case as submitted.
 */
export async function applyForFoodLicence(options: {
  page: Page;
  base: string;
  guidePath: string;
  pace: Pace;
}): Promise<JourneyResult> {
  const { page, base, pace } = options;
  const started = performance.now();
  await page.goto(`${base}${options.guidePath}`);
  const apply = page.getByTestId('guide-apply');
  await apply.waitFor();
  const clock = new Clock(page);
  await clock.pause(pace.guideMs);
  // 选择办理地: the guide suggests the place of the company's registered region.
  const suggestion = page.getByTestId('guide-place-suggestion');
  if (await suggestion.isVisible()) {
    await clock.pause(pace.choiceMs);
    const before = page.url();
    await suggestion.getByRole('button').click();
    await page.waitForURL((u) => u.toString() !== before);
    await apply.waitFor();
  }
  const implementationId = new URL(page.url()).pathname.split('/').pop()!;
  const guide = (await (
    await page.request.get(`${base}/api/catalogue/guides/${implementationId}`)
  ).json()) as {
    document: { form?: FormDefinition };
    region: { name: string };
    department: { name: string };
  };
  if (!guide.document.form) throw new Error('the matter has no application form');
  await apply.click();
  await page.getByTestId('application-form').waitFor();
  if (await page.getByTestId('draft-resumed').isVisible())
    throw new Error('a draft of an earlier run was resumed: the journey starts from the prefill only');

  const applicant = new Applicant(page, pace, guide.document.form);
  await applicant.form();
  // The page's own fields: the phone comes from the account, the delivery stays 窗口领取.
  if ((await page.getByTestId('apply-phone').inputValue()) === '')
    await applicant.type(
      page.locator('.ant-form-item', { has: page.getByTestId('apply-phone') }),
      '13800138000',
    );
  else await applicant.clock.pause(pace.checkMs);
  await applicant.materials();
  await applicant.clock.pause(pace.stepMs);
  await page.getByTestId('apply-submit').click();
  const filed = page.getByTestId('my-case-page');
  const refused = page.getByTestId('form-issues').or(page.getByTestId('apply-error'));
  await filed.or(refused).first().waitFor();
  if (await refused.first().isVisible())
    throw new Error(`the application was refused: ${await refused.first().textContent()}`);
  await page.locator('[data-testid=case-facts] [data-testid=case-status][data-status=submitted]').waitFor();
  const totalMs = performance.now() - started;

  const caseId = new URL(page.url()).pathname.split('/').pop();
  const detail = (await (await page.request.get(`${base}/api/cases/${caseId}`)).json()) as {
    caseNo: string;
    form: { filled: number; prefilled: number; sources: Record<string, { corrected?: boolean }> };
  };
  return {
    pace: pace.name,
    totalMs,
    pausedMs: clock.pausedMs + applicant.clock.pausedMs,
    tally: applicant.tally,
    caseNo: detail.caseNo,
    filled: detail.form.filled,
    prefilled: detail.form.prefilled,
    premisesCorrected: detail.form.sources.premises?.corrected === true,
    place: `${guide.department.name} · ${guide.region.name}`,
  };
}
