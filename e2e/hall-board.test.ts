import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../server/demo/accounts.ts';
import { signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';
import { ok } from './support/tickets.ts';

const session = withBrowserSession();
const { url } = session;

const HALL = '西安市政务服务大厅';

/** The city hall, its 不动产登记 category (D, called at windows 10 and 04) and those windows. */
async function cityHall() {
  const rows = await session.query<{ hall: string; category: string; w04: string; w10: string }>(
    `SELECT h.id AS hall, c.id AS category,
            (SELECT id FROM windows WHERE hall_id = h.id AND number = '04') AS w04,
            (SELECT id FROM windows WHERE hall_id = h.id AND number = '10') AS w10
     FROM halls h JOIN ticket_categories c ON c.hall_id = h.id AND c.letter = 'D' WHERE h.name = $1`,
    [HALL],
  );
  assert.equal(rows.length, 1);
  return rows[0]!;
}

/** Makes a served ticket of today have waited `minutes`, as if it had been taken that long before its call. */
async function waited(code: string, hallId: string, minutes: number) {
  await session.query(
    `UPDATE tickets SET taken_at = called_at - make_interval(mins => $3)
     WHERE hall_id = $1 AND code = $2 AND day = (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    [hallId, code, minutes],
  );
}

test('the manager watches the live board while tickets are taken, served, and a paused window’s category goes to the other window', async () => {
  const { page } = session;
  const ids = await cityHall();
  const base = url('');
  const clerk = await signInOver(base, '/api/auth/login', { username: 'clerk', password: DEMO_PASSWORD });

  await session.signInStaff('manager');
  await page.goto(url('/workbench/hall-board'));
  const board = page.getByTestId('hall-board');
  await board.getByRole('heading', { name: '大厅实况' }).waitFor();
  await board.getByTestId('board-hall').getByText(HALL).waitFor();
  const waitingCard = page.getByTestId('card-waiting');
  /** The board's row of a window, by the number its first cell starts with. */
  const windowRow = (number: string) =>
    page
      .getByTestId('board-windows')
      .locator('tbody tr')
      .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${number} `) }) });
  await waitingCard.locator('.ant-statistic-content-value').getByText('0', { exact: true }).waitFor();

  // Three people take a 不动产登记 number at the reception desk: the board counts them without a reload.
  const taken = [];
  for (let i = 0; i < 3; i++)
    taken.push(
      await ok(clerk, 'POST', `/api/tickets/halls/${ids.hall}/take`, { categoryId: ids.category }, 201),
    );
  assert.deepEqual(
    taken.map((t) => t.code),
    ['D001', 'D002', 'D003'],
  );
  await waitingCard.locator('.ant-statistic-content-value').getByText('3', { exact: true }).waitFor();
  await page.getByTestId('today-taken').getByText('3', { exact: true }).waitFor();
  const categoryRow = page.getByTestId('board-categories').locator('tr').filter({ hasText: 'D 不动产登记' });
  await categoryRow.locator('td').nth(1).getByText('3', { exact: true }).waitFor();

  // Window 10 calls and serves the first one.
  const first = await ok(clerk, 'POST', `/api/tickets/windows/${ids.w10}/call`);
  assert.equal(first.ticket?.code, 'D001');
  const window10 = windowRow('10');
  await window10.getByText('D001').waitFor();
  await window10.getByText('张敏').waitFor();
  await ok(clerk, 'POST', `/api/tickets/${first.ticket?.id}/done`);
  await page.getByTestId('today-served').getByText('1', { exact: true }).waitFor();
  await waitingCard.locator('.ant-statistic-content-value').getByText('2', { exact: true }).waitFor();

  // Window 10 pauses: the board shows it, and window 04 gets the next 不动产登记 ticket.
  await ok(clerk, 'POST', `/api/tickets/windows/${ids.w10}/pause`);
  await window10.getByText('暂停').waitFor();
  await page.getByTestId('card-windows').getByText('暂停 1 个').waitFor();
  await ok(clerk, 'POST', `/api/tickets/windows/${ids.w10}/call`, undefined, 409);
  const next = await ok(clerk, 'POST', `/api/tickets/windows/${ids.w04}/call`);
  assert.deepEqual([next.ticket?.code, next.ticket?.windowNumber], ['D002', '04']);
  const window04 = windowRow('04');
  await window04.getByText('D002').waitFor();
  await waitingCard.locator('.ant-statistic-content-value').getByText('1', { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('hall-board-01-live'), fullPage: true });

  // The first ticket had waited 50 minutes: today's average wait is above the 20-minute goal.
  await waited('D001', ids.hall, 50);
  await page
    .getByTestId('goal-missed')
    .getByText(/^平均等候 \d+(\.\d)? 分钟，超过目标 20 分钟$/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('hall-board-02-goal-missed'), fullPage: true });

  // The manager raises the goal in the settings drawer; the warning goes.
  await page.getByTestId('open-settings').click();
  const goal = page.getByTestId('setting-waitGoalMinutes');
  await goal.waitFor();
  await goal.fill('60');
  await page.getByTestId('settings-save').click();
  await page.getByText('取号设置已保存').waitFor();
  await page.getByTestId('card-average').getByText('目标 60 分钟').waitFor();
  await page.getByTestId('goal-missed').waitFor({ state: 'detached' });

  // 大厅统计: today's row of the hall.
  await page.goto(url('/workbench/hall-figures'));
  const figures = page.getByTestId('figures-hall');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const row = figures.locator('tr').filter({ hasText: today });
  await row.locator('td').nth(1).getByText('3', { exact: true }).waitFor();
  await page.getByTestId('figures-clerks').getByText('张敏').waitFor();
  await page.screenshot({ path: screenshotPath('hall-board-03-figures'), fullPage: true });
});

test('a supervisor of the region picks the city hall and reads its board, without its settings, also in English', async () => {
  const { page } = session;
  await session.signInStaff('supervisor');
  await page.goto(url('/workbench/hall-board'));
  const picker = page.getByTestId('board-hall');
  // The region's halls, the first chosen until another is.
  await page.getByTestId('card-waiting').waitFor();
  await picker.click();
  await page.locator('.ant-select-item-option').filter({ hasText: HALL }).click();
  await picker.getByText(HALL).waitFor();
  await page.getByTestId('today-taken').getByText('3', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('open-settings').count(), 0);
  await page.screenshot({ path: screenshotPath('hall-board-04-supervisor'), fullPage: true });

  // In English.
  await page.getByText('English').click();
  await page.getByRole('heading', { name: 'Hall live board' }).waitFor();
  await page.getByTestId('card-waiting').getByText('Waiting now').waitFor();
  await page.screenshot({ path: screenshotPath('hall-board-05-english'), fullPage: true });
});
