import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEMO_PASSWORD } from '../server/demo/accounts.ts';
import { signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { type CutProxy, startCutProxy } from './support/cut-proxy.ts';
import { withBrowserSession } from './support/session.ts';
import { ok } from './support/tickets.ts';

const session = withBrowserSession();
const HALL = '西安市政务服务大厅';
let proxy: CutProxy | undefined;
after(() => proxy?.close());

/** The city hall, its 综合受理 category (A) and window 01, which calls it. */
async function cityHall() {
  const rows = await session.query<{ hall: string; category: string; window: string }>(
    `SELECT h.id AS hall, c.id AS category,
            (SELECT id FROM windows WHERE hall_id = h.id AND number = '01') AS window
     FROM halls h JOIN ticket_categories c ON c.hall_id = h.id AND c.letter = 'A' WHERE h.name = $1`,
    [HALL],
  );
  assert.equal(rows.length, 1);
  return rows[0]!;
}

test('the calling screen shows each call live, and after its connection was cut the calls it missed', async () => {
  const { page } = session;
  const ids = await cityHall();
  const clerk = await signInOver(session.url(''), '/api/auth/login', {
    username: 'clerk',
    password: DEMO_PASSWORD,
  });
  /** One person takes a number and window 01 calls the next (the one before is done). */
  let serving: string | null = null;
  const takeAndCall = async () => {
    if (serving) await ok(clerk, 'POST', `/api/tickets/${serving}/done`);
    await ok(clerk, 'POST', `/api/tickets/halls/${ids.hall}/take`, { categoryId: ids.category }, 201);
    const { ticket } = await ok(clerk, 'POST', `/api/tickets/windows/${ids.window}/call`);
    assert.ok(ticket);
    serving = ticket.id;
    return ticket.code;
  };

  // The TV reaches the server through a line the test can cut.
  proxy = await startCutProxy(session.url(''));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${proxy.url}/halls/${ids.hall}/screen`);
  await page.getByText(HALL).waitFor();
  const current = page.getByTestId('current-call');
  await current.getByText('暂无叫号').waitFor();

  const first = await takeAndCall();
  await current.getByText(first, { exact: true }).waitFor();
  await current.getByText('01 号窗口', { exact: true }).waitFor();
  await current.getByText(`请 ${first} 号到 01 号窗口办理`).waitFor();

  const voice = page.getByRole('button', { name: '点击启用语音播报' });
  if (await voice.isVisible()) {
    await voice.click();
    await voice.waitFor({ state: 'detached' });
  }

  // The line drops: the screen says so; two calls are made meanwhile.
  proxy.cut();
  const offline = page.getByRole('status').filter({ hasText: '连接中断，正在重连' });
  await offline.waitFor();
  const second = await takeAndCall();
  const third = await takeAndCall();
  assert.equal(await current.getByText(third, { exact: true }).count(), 0);

  // Back on line: the stream resumes after the last call it saw and both missed calls show, once each.
  proxy.restore();
  await current.getByText(third, { exact: true }).waitFor();
  await offline.waitFor({ state: 'detached' });
  const recent = page.getByTestId('recent-calls');
  await recent.getByText(second, { exact: true }).waitFor();
  assert.equal(await recent.getByText(second, { exact: true }).count(), 1);
  assert.equal(await recent.getByText(first, { exact: true }).count(), 1);
  await page.getByTestId('waiting').getByText('综合受理').waitFor();
  await page.screenshot({ path: screenshotPath('calling-screen') });
});
