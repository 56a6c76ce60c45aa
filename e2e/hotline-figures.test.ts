import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInChina } from '../server/calendar/index.ts';
import { connect } from '../server/core/db/client.ts';
import { refreshHotlineWarnings } from '../server/hotline/index.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff, url } = session;

const URBAN = '西安市城市管理和综合执法局';
const OVERDUE_TITLE = '背街小巷垃圾堆放多日无人清运';
const NOTE = '该工单已超期三天，请城管局于两个工作日内答复群众并报送办理情况';

/** The date `days` days before today in China. */
function daysAgo(days: number): string {
  const day = new Date(`${todayInChina()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

/** Sends one API request as whoever is signed in on the page; the answer's JSON. */
async function call(method: 'GET' | 'POST', path: string, data?: object, expected = 200) {
  const { page } = session;
  const { csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string };
  const res = await page.request.fetch(url(path), {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data ? { data } : {}),
  });
  assert.equal(res.status(), expected, `${method} ${path}: ${await res.text()}`);
  return res.json();
}

const take = (kind: string, title: string) =>
  call(
    'POST',
    '/api/hotline/requests',
    {
      kind,
      channel: 'phone',
      requesterName: '张先生',
      requesterPhone: '13700002345',
      title,
      content: `${title}，希望有关部门尽快处理。`,
      regionCode: '610100',
    },
    201,
  );

test('the supervisor reads this month’s 12345 figures, then urges the overdue request, whose history shows the 督办', async () => {
  const { page } = session;
  // The operator: a 咨询 answered at once, a 求助 and a 投诉 dispatched to 城管局.
  await signInStaff('hotline');
  const consult = await take('consult', '公积金提取需要哪些材料');
  await call('POST', `/api/hotline/requests/${consult.id}/answer`, {
    answer: '购房、租房、退休等情形可申请提取，可在网上服务大厅办理。',
  });
  const [urban] = await session.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [
    URBAN,
  ]);
  const help = await take('help', '小区路灯不亮');
  const late = await take('complaint', OVERDUE_TITLE);
  for (const r of [help, late])
    await call('POST', `/api/hotline/requests/${r.id}/dispatch`, {
      primaryDepartmentId: urban!.id,
      assistingDepartmentIds: [],
    });

  // 城管局 replies to the 求助 in time.
  await signInStaff('urban');
  const inbox = await call('GET', '/api/hotline/assignments?status=assigned');
  const assignment = inbox.items.find((a: { requestNo: string }) => a.requestNo === help.requestNo);
  await call('POST', `/api/hotline/assignments/${assignment.id}/reply`, {
    reply: '已更换路灯灯泡，恢复照明。',
  });

  // The 投诉's due day was three days ago; the warnings job escalates it.
  await session.query('UPDATE hotline_requests SET due_date = $1 WHERE id = $2', [daysAgo(3), late.id]);
  const database = connect(session.databaseUrl(), { max: 1 });
  try {
    await database.db.transaction((tx) => refreshHotlineWarnings(tx));
  } finally {
    await database.close();
  }

  // 12345统计: the whole of 西安市 and 城管局 this month.
  await signInStaff('supervisor');
  await page.getByRole('menuitem', { name: /12345统计/ }).click();
  await page.waitForURL('**/workbench/hotline-figures');
  const month = todayInChina().slice(0, 7);
  const region = page.locator(`[data-testid=hotline-figure-row][data-month="${month}"][data-department=""]`);
  await region.getByText('全区划（西安市）').waitFor();
  assert.equal(await region.getByTestId('figure-received').textContent(), '3');
  assert.match((await region.getByTestId('figure-immediate').textContent()) ?? '', /^100\.0%\s*1\/1$/);
  assert.match((await region.getByTestId('figure-on-time').textContent()) ?? '', /^66\.7%\s*2\/3$/);
  assert.equal(await region.getByTestId('figure-overdue').textContent(), '1');
  assert.equal(await region.getByTestId('figure-returned').textContent(), '0');
  const department = page.locator(
    `[data-testid=hotline-figure-row][data-month="${month}"][data-department="${URBAN}"]`,
  );
  assert.equal(await department.getByTestId('figure-received').textContent(), '2');
  assert.match((await department.getByTestId('figure-on-time').textContent()) ?? '', /^50\.0%\s*1\/2$/);
  assert.equal(await department.getByTestId('figure-overdue').textContent(), '1');
  await page.getByTestId('figures-methods').getByText('话务员即时解答的工单数 ÷ 咨询类工单数').waitFor();
  await page.locator('[data-testid=hotline-figures-page] canvas').first().waitFor();
  const download = await page.getByTestId('figures-download').getAttribute('href');
  assert.equal(download, `/api/hotline/figures.xlsx?regionCode=610100&from=${monthsAgo(5)}&to=${month}`);
  await page.screenshot({ path: screenshotPath('hotline-figures-01-figures'), fullPage: true });

  // 12345督办: the overdue 投诉 with its region's name; the supervisor urges it.
  await page.getByRole('menuitem', { name: /12345督办/ }).click();
  await page.waitForURL('**/workbench/hotline-escalated');
  const row = page.locator(`[data-testid=escalated-request][data-no="${late.requestNo}"]`);
  await row.getByTestId('escalated-region-name').getByText('西安市').waitFor();
  await row.getByTestId('urge-open').click();
  const dialog = page.locator('[data-testid=urge-dialog][data-opened=true]');
  await dialog.getByText(OVERDUE_TITLE).waitFor();
  await dialog.getByTestId('urge-reason').fill(NOTE);
  await page.screenshot({ path: screenshotPath('hotline-figures-02-urge') });
  await page.getByTestId('urge-confirm').click();
  await page.locator('.ant-message').getByText('已督办').waitFor();

  await row.getByRole('link', { name: late.requestNo }).click();
  await page.waitForURL('**/workbench/hotline-escalated/*');
  const detail = page.getByTestId('hotline-detail');
  await detail.getByTestId('hotline-region').getByText('西安市（610100）').waitFor();
  const step = detail.locator('[data-testid=hotline-step][data-kind=urged]');
  await step.getByText('督办', { exact: true }).waitFor();
  await step.getByText(NOTE, { exact: false }).waitFor();
  await step.getByText('孙卫东').waitFor();
  await page.screenshot({ path: screenshotPath('hotline-figures-03-urged'), fullPage: true });

  // 城管局's head has the 督办 among the messages.
  const messages = await session.query<{ title: string; body: string }>(
    `SELECT n.title, n.body FROM notifications n JOIN accounts a ON a.id = n.account_id
     WHERE a.login = 'urban' AND n.channel = 'in_app' AND n.subject->>'requestId' = $1`,
    [late.id],
  );
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.title, '12345督办');
  assert.ok(messages[0]!.body.includes(NOTE));
});

/** The month `n` months before this one in China, as YYYY-MM. */
function monthsAgo(n: number): string {
  const [y, m] = todayInChina().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}
