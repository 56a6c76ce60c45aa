import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays } from '../common/working-days.ts';
import { call, type Session, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff } = session;

/** The working calendar of this year and the next as the server keeps it (day → working day). */
async function calendarOf(who: Session, today: string) {
  const year = Number(today.slice(0, 4));
  const calendar = new Map<string, boolean>();
  for (const y of [year, year + 1]) {
    const res = await call(who, 'GET', `/api/calendar?year=${y}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const item of (res.body as { items: { day: string; workday: boolean }[] }).items)
      calendar.set(item.day, item.workday);
  }
  return calendar;
}

test('issue 17: the supervisor gives 新城区 20 days for a 投诉, the rest inherited; a bad weight shows at its field; a 投诉 in 新城区 is then due 20 working days on', async () => {
  const { page } = session;
  await signInStaff('supervisor');
  await page.getByRole('menuitem', { name: /评价考核设置/ }).click();
  await page.waitForURL('**/workbench/region-settings');
  const settings = page.getByTestId('region-settings-page');
  await settings.getByTestId('setting-hotline.limitDays.complaint').getByText('继承自 默认').waitFor();

  await settings.getByTestId('settings-region').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '新城区' })
    .click();
  const complaint = settings.getByTestId('setting-hotline.limitDays.complaint');
  await settings.getByText('新城区 · 版本 0').waitFor();
  await complaint.locator('input').fill('20');
  await settings.getByTestId('settings-save').click();
  await page.locator('.ant-message').getByText('已保存').waitFor();
  await complaint.getByText('本地区设置').waitFor();
  await settings.getByText('新城区 · 版本 1').waitFor();
  assert.equal(await complaint.locator('input').inputValue(), '20');
  await complaint.getByTestId('restore-hotline.limitDays.complaint').waitFor();

  const tags = await settings.locator('[data-testid^="setting-"] .ant-tag').allTextContents();
  assert.equal(tags.length, 15, 'every value says where it comes from');
  assert.deepEqual(
    tags.filter((tag) => tag !== '本地区设置'),
    Array(14).fill('继承自 默认'),
    'the rest inherited',
  );

  const visits = settings.getByTestId('setting-assessment.weights.visits');
  await visits.locator('input').fill('150');
  await settings.getByTestId('settings-save').click();
  await visits.getByText('应在 0 到 100 之间').waitFor();
  await page.screenshot({ path: screenshotPath('region-settings-01-xincheng'), fullPage: true });
  await settings.getByText('新城区 · 版本 1').waitFor();

  const hotline = await signInOver(session.url(''), '/api/auth/login', {
    username: 'hotline',
    password: 'demo1234',
  });
  const taken = await call(hotline, 'POST', '/api/hotline/requests', {
    kind: 'complaint',
    channel: 'phone',
    requesterName: '刘女士',
    requesterPhone: '13700005678',
    title: '小区垃圾清运不及时',
    content: '新城区某小区垃圾连续三天未清运，气味很大，希望尽快处理。',
    regionCode: '610102',
  });
  assert.equal(taken.status, 201, JSON.stringify(taken.body));
  const created = taken.body as { id: string; dueDate: string };
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const admin = await signInOver(session.url(''), '/api/auth/login', {
    username: 'admin',
    password: 'demo1234',
  });
  const calendar = await calendarOf(admin, today);
  assert.equal(created.dueDate, addWorkingDays(calendar, today, 20));
  const view = await call(hotline, 'GET', `/api/hotline/requests/${created.id}`);
  assert.equal((view.body as { limitDays: number }).limitDays, 20);

  // Someone else saves meanwhile: the supervisor's save is refused plainly, and a reload shows theirs.
  const changed = await call(admin, 'PUT', '/api/region-settings/610102', {
    version: 1,
    settings: { inspectors: { rectifyWorkingDays: 8 } },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await visits.locator('input').fill('12');
  await settings.getByTestId('settings-save').click();
  await settings.getByTestId('settings-conflict').getByText('设置已被他人修改').waitFor();
  await settings.getByTestId('settings-reload').click();
  await settings.getByText('新城区 · 版本 2').waitFor();
  const inspectors = settings.getByTestId('setting-inspectors.rectifyWorkingDays');
  await inspectors.getByText('本地区设置').waitFor();
  assert.equal(await inspectors.locator('input').inputValue(), '8');

  // 恢复继承: the 投诉 limit goes back to the default when saved.
  await complaint.getByTestId('restore-hotline.limitDays.complaint').click();
  await complaint.getByText('保存后恢复为 15（默认）').waitFor();
  await settings.getByTestId('settings-save').click();
  await settings.getByText('新城区 · 版本 3').waitFor();
  await complaint.getByText('继承自 默认').waitFor();
  assert.equal(await complaint.locator('input').inputValue(), '15');
  await inspectors.getByText('本地区设置').waitFor();
});
