import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { call, type Session, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { type CutProxy, startCutProxy } from './support/cut-proxy.ts';
import { COMPANY, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { formValuesOver } = caseSteps(session);
let proxy: CutProxy | undefined;
after(() => proxy?.close());

const signIn = (username: string) =>
  signInOver(session.url(''), '/api/auth/login', { username, password: 'demo1234' });

/** 新城区's 食品经营许可 (its centre's reviewer and head are the demo's). */
async function xinchengFoodLicence(): Promise<string> {
  const response = await fetch(
    session.url(`/api/catalogue/search?q=${encodeURIComponent('食品经营许可')}&limit=20`),
  );
  const { items } = (await response.json()) as {
    items: { implementationId: string; name: string; regionCode: string }[];
  };
  const found = items.find((m) => m.name === '食品经营许可' && m.regionCode === '610102');
  assert.ok(found, '新城区 offers 食品经营许可');
  return found.implementationId;
}

/** The demo company files the matter online and the 新城区 centre accepts, reviews, approves and concludes it. */
async function concludeXinchengCase(implementationId: string): Promise<void> {
  const company = await signInOver(session.url(''), '/api/auth/applicant-login', {
    kind: 'company',
    login: COMPANY,
    password: 'demo1234',
  });
  const filed = await call(company, 'POST', '/api/cases', {
    implementationId,
    ...(await formValuesOver(company, implementationId)),
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const steps: [Session, string][] = [
    [await signIn('reviewer'), 'accept'],
    [await signIn('reviewer'), 'start-review'],
    [await signIn('head'), 'approve'],
    [await signIn('head'), 'conclude'],
  ];
  let version = Number(filed.body?.version);
  for (const [who, action] of steps) {
    const res = await call(who, 'POST', `/api/cases/${filed.body?.id}/${action}`, { version });
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
    version = Number(res.body?.version);
  }
}

const numberIn = async (locator: Locator) =>
  Number(((await locator.textContent()) ?? '').replaceAll(',', ''));

test('issue 18, browser test 2: the big screen shows a case concluded a moment ago without a reload', async () => {
  const { page } = session;
  const implementationId = await xinchengFoodLicence();
  // The wall screen reaches the server through a line the test can cut.
  proxy = await startCutProxy(session.url(''));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${proxy.url}/screen?region=610100`);
  await page.getByTestId('screen-title').getByText('西安市政务服务大数据').waitFor();
  await page.getByText('一网通办实时监测').waitFor();
  await page.evaluate('window.screenMarker = "not reloaded"');

  const concludedToday = page.locator(
    '[data-testid=screen-figure][data-key=todayConcluded] [data-testid=screen-value]',
  );
  const xincheng = page.locator('[data-testid=screen-districts] li[data-name=新城区] .big-rank-count');
  const before = await numberIn(concludedToday);
  const xinchengBefore = await numberIn(xincheng);

  await concludeXinchengCase(implementationId);

  // The rollups refresh within seconds and the stream pushes the new answer: no reload, no click.
  await concludedToday.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 30_000 });
  assert.equal(await numberIn(xincheng), xinchengBefore + 1, '新城区 ranks with one more case concluded');
  assert.equal(await page.evaluate('window.screenMarker'), 'not reloaded');
  // The map of the districts is drawn (SVG), and the page fits the window without scrollbars.
  await page.getByTestId('screen-map').locator('svg path').first().waitFor();
  const overflow = await page.evaluate(
    '[document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]',
  );
  assert.deepEqual(overflow, [0, 0]);
  await page.screenshot({ path: screenshotPath('screen-1920') });

  // The line drops: a badge says so; back on line it goes and the screen is live again.
  proxy.cut();
  const offline = page.getByRole('status').filter({ hasText: '连接中断，正在重连' });
  await offline.waitFor();
  proxy.restore();
  await offline.waitFor({ state: 'detached', timeout: 30_000 });
  await concludeXinchengCase(implementationId);
  await concludedToday.filter({ hasText: new RegExp(`^${before + 2}$`) }).waitFor({ timeout: 30_000 });

  // A smaller window shows the whole screen, scaled, still without scrollbars.
  await page.setViewportSize({ width: 1280, height: 800 });
  const box = await page.locator('.big-stage').boundingBox();
  assert.ok(box && box.width <= 1280 && box.height <= 800, JSON.stringify(box));
  await page.screenshot({ path: screenshotPath('screen-1280') });
});

test('the supervisor opens the big screen from the workbench menu in a new tab', async () => {
  const { page } = session;
  await page.setViewportSize({ width: 1440, height: 900 });
  await session.signInStaff('supervisor');
  const opened = page.context().waitForEvent('page');
  await page.getByTestId('workbench-menu').getByText('大屏', { exact: true }).click();
  const screen = await opened;
  await screen.waitForURL('**/screen');
  await screen.getByTestId('screen-title').getByText('西安市政务服务大数据').waitFor();
  assert.ok(page.url().includes('/workbench'), 'the workbench stays open in its own tab');
  await screen.close();
});
