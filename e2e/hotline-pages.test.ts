import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { todayInChina } from '../server/calendar/index.ts';
import { connect } from '../server/core/db/client.ts';
import { refreshHotlineWarnings } from '../server/hotline/index.ts';
import { screenshotPath } from './support/browser.ts';
import { choose, formItem } from './support/select.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff } = session;

const QUESTION = '电动自行车怎么办理登记上牌？';
const ANSWER =
  '购买符合国家标准的电动自行车后，携带购车发票、产品合格证和本人身份证，到公安交管部门设立的登记服务站办理登记上牌，当场发放号牌。';
const KEYWORDS = '电瓶车，电驴，挂牌，上牌照';
const TITLE = '小区内共享单车乱停放堵塞消防通道';

async function search(box: Locator, text: string) {
  await box.locator('input').fill(text);
  await box.locator('input').press('Enter');
}

/** The date `days` days before today in China. */
function daysAgo(days: number): string {
  const day = new Date(`${todayInChina()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

test('an operator adds a FAQ entry that the 12345受理 knowledge search finds by a synonym, and deactivates it', async () => {
  const { page } = session;
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /知识库维护/ }).click();
  await page.waitForURL('**/workbench/hotline-faq');

  await page.getByTestId('faq-add').click();
  await page.locator('[data-testid=faq-dialog][data-opened=true]').waitFor();
  const form = page.getByTestId('faq-form');
  await choose(page, formItem(form, '适用区域'), '西安', /610100/);
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await form.getByTestId('faq-question').fill(QUESTION);
  await form.getByTestId('faq-answer').fill(ANSWER);
  await form.getByTestId('faq-keywords').fill(KEYWORDS);
  await page.screenshot({ path: screenshotPath('hotline-pages-01-faq-add') });
  await page.getByTestId('faq-save').click();
  await page.locator('.ant-message').getByText('已保存知识库条目').waitFor();
  const entry = page.getByTestId('faq-entry').filter({ hasText: QUESTION });
  await page.locator('[data-testid=faq-entry][data-active=true]').filter({ hasText: QUESTION }).waitFor();

  // 试一试: a caller's words find the entry through a keyword.
  const tryBox = page.getByTestId('faq-try');
  await search(tryBox.getByTestId('faq-try-q'), '电驴怎么上牌照');
  const tried = tryBox.locator('[data-testid=faq-try-hit][data-source=faq]').filter({ hasText: QUESTION });
  await tried.waitFor();
  await page.screenshot({ path: screenshotPath('hotline-pages-02-faq'), fullPage: true });

  // The operator taking a call finds it on 12345受理 by a synonym and by part of the words.
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.waitForURL('**/workbench/hotline');
  const knowledge = page.getByTestId('hotline-knowledge');
  await search(knowledge.getByTestId('knowledge-q'), '我买了个电瓶车，去哪里挂牌？');
  const hit = knowledge.getByTestId('knowledge-hit').filter({ hasText: QUESTION });
  await hit.getByText(ANSWER).waitFor();
  await search(knowledge.getByTestId('knowledge-q'), '登记上牌');
  await hit.getByText(ANSWER).waitFor();
  await page.screenshot({ path: screenshotPath('hotline-pages-03-knowledge'), fullPage: true });

  // Deactivated, the entry is no longer found.
  await page.getByRole('menuitem', { name: /知识库维护/ }).click();
  await page.waitForURL('**/workbench/hotline-faq');
  await search(tryBox.getByTestId('faq-try-q'), '电瓶车');
  await tried.waitFor();
  await entry.getByTestId('faq-toggle').click();
  await page.locator('.ant-message').getByText('已停用').waitFor();
  await page.locator('[data-testid=faq-entry][data-active=false]').filter({ hasText: QUESTION }).waitFor();
  await tried.waitFor({ state: 'detached' });
});

test("a request past its due day is escalated and shows in the supervisor's 12345督办 list, which opens it read only", async () => {
  const { page } = session;
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  const take = page.getByTestId('hotline-take');
  await take.locator('.ant-form-item').first().locator('.ant-select').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '求助' })
    .click();
  await take.getByTestId('take-name').fill('刘女士');
  await take.getByTestId('take-title').fill(TITLE);
  await take.getByTestId('take-content').fill('小区内大量共享单车停放在消防通道上，多次反映无人处理。');
  await choose(page, formItem(take, '所属区域'), '西安', /610100/);
  await take.getByTestId('take-submit').click();
  const taken = page.locator('.ant-message').getByText(/已登记工单 12345\d{12}/);
  const requestNo = /12345\d{12}/.exec((await taken.textContent()) ?? '')?.[0] ?? '';
  assert.match(requestNo, /^12345\d{12}$/);

  // Its due day moved three days back; the warnings job escalates it.
  const moved = await session.query(
    'UPDATE hotline_requests SET due_date = $1 WHERE request_no = $2 RETURNING id',
    [daysAgo(3), requestNo],
  );
  assert.equal(moved.length, 1);
  const database = connect(session.databaseUrl(), { max: 1 });
  try {
    await database.db.transaction((tx) => refreshHotlineWarnings(tx));
  } finally {
    await database.close();
  }

  await signInStaff('supervisor');
  await page.getByRole('menuitem', { name: /12345督办/ }).click();
  await page.waitForURL('**/workbench/hotline-escalated');
  const row = page.locator(`[data-testid=escalated-request][data-no="${requestNo}"]`);
  await row.getByText(TITLE).waitFor();
  assert.equal(await row.getAttribute('data-overdue'), '3');
  await row.getByTestId('escalated-overdue').getByText('3 天').waitFor();
  await row.getByText('红牌超期').waitFor();
  await page.screenshot({ path: screenshotPath('hotline-pages-04-escalated'), fullPage: true });

  await row.getByRole('link', { name: requestNo }).click();
  await page.waitForURL('**/workbench/hotline-escalated/*');
  const detail = page.getByTestId('hotline-detail');
  await detail.getByTestId('hotline-detail-no').getByText(requestNo).waitFor();
  await detail.locator('[data-testid=hotline-step][data-kind=escalated]').waitFor();
  await detail.getByText('督办查看').waitFor();
  assert.equal(await page.getByTestId('hotline-dispatch').count(), 0);
  assert.equal(await page.getByTestId('hotline-merge').count(), 0);
  await page.screenshot({ path: screenshotPath('hotline-pages-05-escalated-detail'), fullPage: true });
  await detail.getByRole('button', { name: '返回督办列表' }).click();
  await row.waitFor();
});
