import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshotPath } from './support/browser.ts';
import { choose, formItem } from './support/select.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff } = session;

const TITLE = '小区门口夜间占道烧烤，油烟噪音扰民';
const CONTENT =
  '雁塔区某小区南门外每晚十点后有多家烧烤摊占道经营，油烟和噪音影响居民休息，希望有关部门处理。';
const RETURN_REASON = '占道经营和夜间噪音不属于市场监管部门职责，应由城市管理部门处理';
const REPLY = '已安排执法队员连续三晚现场检查，取缔占道烧烤摊点 4 处，并建立夜间巡查机制';
const REVISIT_NOTE = '已电话回访王先生，烧烤摊已清理，表示满意';

async function dispatchTo(page: Page, department: RegExp, button: '派单' | '改派') {
  const card = page.getByTestId('hotline-dispatch');
  await choose(page, formItem(card, '主办部门'), department.source.replace(/[\^$]/g, ''), department);
  await page.screenshot({
    path: screenshotPath(button === '派单' ? 'hotline-03-dispatch' : 'hotline-07-redispatch'),
    fullPage: true,
  });
  await card
    .getByTestId('dispatch-submit')
    .filter({ hasText: new RegExp(button.split('').join('\\s*')) })
    .click();
  await page.locator('.ant-message').getByText('已派单').waitFor();
}

async function openTasks(page: Page) {
  await page.getByRole('menuitem', { name: /12345工单办理/ }).click();
  await page.waitForURL('**/workbench/hotline-tasks');
}

test('issue 17 browser test 2: a 投诉 by phone is dispatched, returned by the department, re-dispatched, replied by the second department and called back satisfied', async () => {
  const { page } = session;
  // The operator takes the complaint by phone.
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.waitForURL('**/workbench/hotline');
  const take = page.getByTestId('hotline-take');
  await take.locator('.ant-form-item').first().locator('.ant-select').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '投诉' })
    .click();
  await take.getByTestId('take-name').fill('王先生');
  await take.getByTestId('take-phone').fill('13700001234');
  await take.getByTestId('take-title').fill(TITLE);
  await take.getByTestId('take-content').fill(CONTENT);
  await choose(page, formItem(take, '所属区域'), '西安', /610100/);
  await take.getByTestId('take-address').fill('雁塔区某小区南门');
  await page.screenshot({ path: screenshotPath('hotline-01-take'), fullPage: true });
  await take.getByTestId('take-submit').click();
  await page
    .locator('.ant-message')
    .getByText(/已登记工单 12345\d{12}/)
    .waitFor();
  const row = page.getByTestId('hotline-request').filter({ hasText: TITLE });
  await row.locator('[data-testid=hotline-status][data-status=received]').waitFor();
  await page.screenshot({ path: screenshotPath('hotline-02-list'), fullPage: true });
  await row.getByRole('link').click();
  const detail = page.getByTestId('hotline-detail');
  await detail.getByTestId('hotline-content').getByText(CONTENT).waitFor();
  const requestNo = (await detail.getByTestId('hotline-detail-no').textContent()) ?? '';
  assert.match(requestNo, /^12345\d{12}$/);

  // 派单 to the 市场监管局.
  await dispatchTo(page, /^西安市市场监督管理局$/, '派单');
  await detail
    .locator('[data-testid=hotline-assignment][data-department=西安市市场监督管理局][data-status=assigned]')
    .waitFor();
  await page.locator('[data-testid=hotline-detail][data-status=dispatched]').waitFor();

  // The 市场监管局 returns it with a reason.
  await signInStaff('head');
  await openTasks(page);
  const task = page.getByTestId('hotline-task').filter({ hasText: requestNo });
  await task.getByText(TITLE).waitFor();
  await page.screenshot({ path: screenshotPath('hotline-03-tasks'), fullPage: true });
  await task.getByTestId('task-return').click();
  await page.locator('[data-testid=task-return-dialog][data-opened=true]').waitFor();
  await page.getByTestId('task-return-reason').fill(RETURN_REASON);
  await page.screenshot({ path: screenshotPath('hotline-04-return') });
  await page.getByTestId('task-return-confirm').click();
  await page.getByTestId('task-return-dialog').waitFor({ state: 'detached' });
  await task.waitFor({ state: 'detached' });

  // The office accepts the return and re-dispatches to the 城管局.
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.getByTestId('hotline-request').filter({ hasText: requestNo }).getByRole('link').click();
  const returned = detail.locator('[data-testid=hotline-assignment][data-status=returned]');
  await returned.getByTestId('assignment-return-reason').getByText(RETURN_REASON).waitFor();
  await page.screenshot({ path: screenshotPath('hotline-05-returned'), fullPage: true });
  await returned.getByTestId('review-accept').click();
  await page.locator('[data-testid=hotline-review-dialog][data-opened=true]').waitFor();
  await page.getByTestId('hotline-review-reason').fill('同意退单，改派城管部门');
  await page.getByTestId('hotline-review-confirm').click();
  await page.getByTestId('hotline-review-dialog').waitFor({ state: 'detached' });
  await returned.getByText('退单已同意').waitFor();
  await dispatchTo(page, /^西安市城市管理和综合执法局$/, '改派');
  await detail
    .locator(
      '[data-testid=hotline-assignment][data-department=西安市城市管理和综合执法局][data-status=assigned]',
    )
    .waitFor();

  // The 城管局 replies.
  await signInStaff('urban');
  await openTasks(page);
  const urbanTask = page.getByTestId('hotline-task').filter({ hasText: requestNo });
  await urbanTask.getByTestId('task-reply').click();
  await page.locator('[data-testid=task-reply-dialog][data-opened=true]').waitFor();
  await page.getByTestId('task-reply-reason').fill(REPLY);
  await page.getByTestId('task-reply-confirm').click();
  await page.getByTestId('task-reply-dialog').waitFor({ state: 'detached' });
  await urbanTask.waitFor({ state: 'detached' });

  // The operator calls the requester back: satisfied, the request is closed.
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.getByTestId('hotline-request').filter({ hasText: requestNo }).getByRole('link').click();
  await page.locator('[data-testid=hotline-detail][data-status=replied]').waitFor();
  await detail.getByTestId('hotline-reply').getByText(REPLY).waitFor();
  const revisit = page.getByTestId('hotline-revisit');
  await revisit.getByRole('radio', { name: '满意', exact: true }).check();
  await revisit.getByTestId('revisit-note').fill(REVISIT_NOTE);
  await page.screenshot({ path: screenshotPath('hotline-06-revisit'), fullPage: true });
  await revisit.getByTestId('revisit-submit').click();
  await page.locator('[data-testid=hotline-detail][data-status=closed]').waitFor();
  await detail.getByTestId('hotline-satisfaction').getByText('满意').waitFor();
  const steps = detail.getByTestId('hotline-step');
  for (const kind of [
    'received',
    'dispatched',
    'returned',
    'returnAccepted',
    'redispatched',
    'replied',
    'revisited',
  ]) {
    await detail.locator(`[data-testid=hotline-step][data-kind=${kind}]`).first().waitFor();
  }
  assert.ok((await steps.count()) >= 7);
  await page.screenshot({ path: screenshotPath('hotline-07-closed'), fullPage: true });
});

test('a citizen asks 12345 from the portal; the operator answers at once from the service guides; the citizen reads the answer', async () => {
  const { page } = session;
  const question = '开餐馆办理食品经营许可要跑几次？';
  await session.signInPerson();
  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('my-hotline-card').getByRole('link').click();
  await page.waitForURL('**/my/hotline');
  const form = page.getByTestId('hotline-portal-form');
  await choose(page, formItem(form, '所属区域'), '西安', /610100/);
  await form.getByTestId('portal-title').fill(question);
  await form
    .getByTestId('portal-content')
    .fill('想在新城区开一家小餐馆，请问食品经营许可需要到现场几次，能否网上办理？');
  await form.getByTestId('portal-submit').click();
  await page
    .locator('.ant-message')
    .getByText(/留言已提交，工单编号 12345\d{12}/)
    .waitFor();
  const mine = page.getByTestId('my-hotline').filter({ hasText: question });
  await mine.getByText('正在办理，请耐心等待答复').waitFor();
  // The page fits the phone's width.
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(Number(overflow) <= 1, `the page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: screenshotPath('hotline-10-portal'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });

  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.getByTestId('hotline-request').filter({ hasText: question }).getByRole('link').click();
  const knowledge = page.getByTestId('hotline-knowledge');
  await knowledge.getByTestId('knowledge-q').locator('input').fill('食品经营许可');
  await knowledge.getByTestId('knowledge-q').locator('input').press('Enter');
  const hit = knowledge.getByTestId('knowledge-hit').filter({ hasText: '食品经营许可' }).first();
  await hit.getByText(/到现场 \d+ 次/).waitFor();
  await page.screenshot({ path: screenshotPath('hotline-11-knowledge'), fullPage: true });
  await hit.getByTestId('knowledge-quote').click();
  const answer = page.getByTestId('answer-text');
  await answer.waitFor();
  const quoted = await answer.inputValue();
  assert.match(quoted, /^食品经营许可/);
  await page.getByTestId('answer-confirm').click();
  await page.locator('[data-testid=hotline-detail][data-status=closed]').waitFor();
  await page.locator('[data-testid=hotline-step][data-kind=answered]').waitFor();

  await session.signInPerson();
  await page.goto(session.url('/my/hotline'));
  await page
    .getByTestId('my-hotline')
    .filter({ hasText: question })
    .getByTestId('my-hotline-reply')
    .getByText(quoted)
    .waitFor();
  await page.screenshot({ path: screenshotPath('hotline-12-portal-answered'), fullPage: true });
});
