import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

/*
 * Issue 15, browser test 2: an editor adds a conditional field to a matter's application form
 * (座位数, shown only for 餐饮服务经营者), the version is reviewed and published, and the next
 * application shows the field only while its condition holds.
 */

const session = withBrowserSession();
const { url, signInStaff, signInCompany } = session;
const { foodLicence } = caseSteps(session);
let matterId = '';

/** Chooses `text` in an Ant Design select (typed first when it can be searched). */
async function choose(page: Page, select: Locator, text: string) {
  // A click that lands while the list is still opening is lost on a busy machine: a person
  // sees the box unchanged and picks again, and so does this.
  for (let attempt = 1; ; attempt++) {
    const open = await select.evaluate(
      (el) => el.matches('.ant-select-open') || el.closest('.ant-select-open') !== null,
    );
    if (!open) await select.click();
    const search = select.locator('input[role=combobox]:not([readonly])');
    if (await search.count()) await search.fill(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
    const chosen = select.locator('.ant-select-selection-item, .ant-select-content', { hasText: text });
    try {
      await chosen.first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The input of an Ant Design number box, wherever its test id sits. */
const numberInput = (scope: Locator, id: string) =>
  scope.locator(`[data-testid=${id}] input, input[data-testid=${id}]`).first();

test('the editor adds 座位数 to the 食品经营许可 form, shown only for 餐饮服务经营者, and tries it at phone width', async () => {
  const { page } = session;
  matterId = (await foodLicence()).id;
  await signInStaff('editor');
  await page.goto(url(`/workbench/catalogue/${matterId}`));
  await page.getByTestId('implementation-page').waitFor();
  if (
    await page
      .getByTestId('new-draft')
      .isVisible()
      .catch(() => false)
  ) {
    await page.getByTestId('new-draft').click();
  }
  await page.getByTestId('draft-editor').waitFor();
  await page.getByTestId('form-tab').click();
  const designer = page.getByTestId('form-designer');
  const category = designer.locator('[data-testid=outline-field][data-key=category]');
  await category.waitFor();

  // A new field in the section of 主体业态; saved nameless, the problem shows at the field.
  const section = designer
    .getByTestId('outline-section')
    .filter({ has: page.locator('[data-testid=outline-field][data-key=category]') });
  await section.getByTestId('add-field').click();
  const props = designer.getByTestId('field-properties');
  await props.waitFor();
  await page.getByTestId('save-draft').click();
  await props.getByText('请填写字段名称').waitFor();
  assert.ok(await page.getByTestId('form-problems').isVisible(), 'the form names its problems');

  await props.getByTestId('prop-label').fill('座位数');
  await choose(page, props.getByTestId('prop-type'), '数字');
  await props.getByTestId('prop-key').fill('seats');
  await props.getByTestId('prop-help').fill('就餐区域可同时容纳的座位数');
  await numberInput(props, 'prop-min').fill('1');
  await numberInput(props, 'prop-max').fill('5000');
  const shown = props.getByTestId('prop-shownWhen');
  await shown.getByText('满足全部条件').click();
  await choose(page, shown.getByTestId('condition-field'), '主体业态');
  await choose(page, shown.getByTestId('condition-value'), '餐饮服务经营者');
  await page.getByTestId('form-problems').waitFor({ state: 'hidden' });

  // Moved up to follow 主体业态.
  const seats = designer.locator('[data-testid=outline-field][data-key=seats]');
  await seats.getByTestId('tag-shownWhen').waitFor();
  const order = () =>
    section.getByTestId('outline-field').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
  while ((await order()).indexOf('seats') > (await order()).indexOf('category') + 1) {
    const before = (await order()).indexOf('seats');
    await seats.getByTestId('move-up').click();
    await section
      .getByTestId('outline-field')
      .nth(before - 1)
      .and(page.locator('[data-key=seats]'))
      .waitFor();
  }
  const keys = await order();
  assert.equal(keys[keys.indexOf('category') + 1], 'seats', `order: ${keys.join(', ')}`);
  await page.screenshot({ path: screenshotPath('form-01-editor'), fullPage: true });

  // The phone preview: hidden until 主体业态 is 餐饮服务经营者.
  await designer.getByTestId('form-preview').click();
  const phone = page.getByTestId('phone-preview');
  const renderer = phone.getByTestId('form-renderer');
  await renderer.waitFor();
  const width = await renderer.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width <= 390 && width > 300, `the preview is ${width}px wide`);
  // One section per step, as on a phone, although the workbench's window is wide.
  await renderer
    .getByTestId('form-step')
    .getByText(/第 1 步，共 \d+ 步/)
    .waitFor();
  await renderer.getByRole('button', { name: '主体业态和经营项目' }).click();
  const previewCategory = renderer.locator('[data-path=category]');
  await previewCategory.scrollIntoViewIfNeeded();
  assert.equal(await renderer.locator('[data-path=seats]').count(), 0, 'hidden before a 主体业态 is chosen');
  await previewCategory.getByText('食品销售经营者', { exact: true }).click();
  assert.equal(await renderer.locator('[data-path=seats]').count(), 0, 'hidden for 食品销售经营者');
  await previewCategory.getByText('餐饮服务经营者', { exact: true }).click();
  await renderer.locator('[data-path=seats]').waitFor();
  await renderer.locator('[data-path=seats]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('form-02-phone-preview') });
  await page.locator('.ant-drawer-close').click();
  await phone.waitFor({ state: 'hidden' });

  // A pattern the server refuses (it would run slowly on what applicants type): shown at the pattern.
  await designer.locator('[data-testid=outline-field][data-key=website]').click();
  await props.getByTestId('prop-pattern').fill('(\\w+)+$');
  await page.getByTestId('save-draft').click();
  const refused = props.locator('.ant-form-item-has-error', { has: page.getByTestId('prop-pattern') });
  await refused.getByText(/嵌套重复/).waitFor();
  await props.getByTestId('prop-pattern').fill('');
  await refused.waitFor({ state: 'detached' });

  // Saved, still there after a reload, and sent for review.
  await page.getByTestId('save-draft').click();
  await page.getByText('草稿已保存').waitFor();
  await page.reload();
  await page.getByTestId('form-designer').locator('[data-testid=outline-field][data-key=seats]').waitFor();
  await page.getByTestId('submit-draft').click();
  await page.getByText('已提交审核').first().waitFor();
});

test('the reviewer sees 座位数 among the changes, by its name, and publishes the version', async () => {
  const { page } = session;
  assert.ok(matterId, 'the editor sent a version');
  await signInStaff('approver');
  await page.getByTestId('workbench-menu').getByText('事项审核').click();
  await page.getByTestId('catalogue-review').waitFor();
  await page.getByTestId('review-item').filter({ hasText: '食品经营许可' }).first().click();
  const panel = page.getByTestId('review-panel');
  const row = panel
    .locator('.ant-table-row')
    .filter({ has: page.locator('[data-testid=diff-where]', { hasText: '座位数' }) })
    .first();
  await row.waitFor();
  assert.match(
    (await row.getByTestId('diff-where').textContent()) ?? '',
    /申请表 › 主体业态和经营项目 › 座位数/,
  );
  assert.match((await row.textContent()) ?? '', /“主体业态”为“餐饮服务经营者”时显示/);
  await page.screenshot({ path: screenshotPath('form-03-review-diff'), fullPage: true });
  await panel.getByTestId('approve').click();
  await page.getByText('已发布').first().waitFor();
});

test('the next application shows 座位数 only while 主体业态 is 餐饮服务经营者', async () => {
  const { page } = session;
  await signInCompany();
  await page.goto(url(`/apply/${matterId}`));
  const renderer = page.getByTestId('apply-page').getByTestId('form-renderer');
  await renderer.waitFor();
  const category = renderer.locator('[data-path=category]');
  await category.waitFor();
  const seats = renderer.locator('[data-path=seats]');
  assert.equal(await seats.count(), 0, 'hidden before a 主体业态 is chosen');
  await category.getByText('食品销售经营者', { exact: true }).click();
  assert.equal(await seats.count(), 0, 'hidden for 食品销售经营者');
  await category.getByText('餐饮服务经营者', { exact: true }).click();
  await seats.waitFor();
  await seats.locator('input').fill('48');
  await seats.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('form-04-application') });
  await category.getByText('单位食堂', { exact: true }).click();
  await seats.waitFor({ state: 'detached' });
});
