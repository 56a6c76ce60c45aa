import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, signOut } = session;

test('the public portal shows departments, halls and sign-in', async () => {
  const { page } = session;
  await page.goto(url('/'));
  await assert.doesNotReject(page.getByText('西安市政务服务网').first().waitFor());
  await page.getByTestId('portal-departments').getByText('西安市市场监督管理局', { exact: true }).waitFor();
  await page.getByTestId('portal-halls').getByText('办公时间').first().waitFor();
  assert.ok(await page.getByText('个人办事').isVisible());
  assert.ok(await page.getByText('法人办事').isVisible());
  await page.screenshot({ path: screenshotPath('01-portal'), fullPage: true });

  const search = page.getByPlaceholder('搜索办事事项');
  await search.fill('营业执照');
  await search.press('Enter');
  await page.getByTestId('matter-card').first().waitFor();
});

test('the home page leads to 政务服务体验官 beside the other public services', async () => {
  const { page } = session;
  await page.goto(url('/'));
  const services = page.getByTestId('portal-public-services');
  const link = services.getByTestId('home-inspectors');
  await link.getByText('政务服务体验官').waitFor();
  await services.screenshot({ path: screenshotPath('01-portal-services') });
  await link.click();
  await page.waitForURL('**/inspectors');
  await page.getByTestId('inspectors-about').getByText('政务服务体验官').first().waitFor();
});

/** The citizen portal's first load, everything over the wire (headers included): a phone on a slow network. */
const FIRST_LOAD_BUDGET_KB = 350;

test(`the portal's first load transfers at most ${FIRST_LOAD_BUDGET_KB} KB: compressed scripts, cached assets`, async () => {
  const page = await session.browser.context.newPage();
  try {
    const cdp = await session.browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map<string, { url: string; headers: Record<string, string>; bytes?: number }>();
    let transferred = 0;
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      responses.set(e.requestId, { url: e.response.url, headers });
    });
    cdp.on('Network.loadingFinished', (e) => {
      transferred += e.encodedDataLength;
      const response = responses.get(e.requestId);
      if (response) response.bytes = e.encodedDataLength;
    });
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    await page.getByTestId('portal-departments').getByText('西安市市场监督管理局', { exact: true }).waitFor();
    const kb = Math.round(transferred / 1024);
    console.log(`[e2e] the portal's first load transferred ${kb} KB`);
    assert.ok(kb <= FIRST_LOAD_BUDGET_KB, `the first load transferred ${kb} KB`);

    const assets = [...responses.values()].filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
    assert.ok(assets.some((r) => r.url.endsWith('.js')));
    for (const asset of assets) {
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable', asset.url);
      // Files under 1 KB are not compressed at build time (not worth a request's headers).
      if (/\.(js|css)$/.test(asset.url) && (asset.bytes ?? 0) > 2048)
        assert.equal(asset.headers['content-encoding'], 'br', asset.url);
    }
    const html = [...responses.values()].find((r) => r.url === url('/'));
    assert.equal(html?.headers['cache-control'], 'no-cache');
  } finally {
    await page.close();
    await session.page.bringToFront();
  }
});

test('a wrong password gets the server’s generic message', async () => {
  const { page } = session;
  await page.goto(url('/login?as=staff'));
  const form = page.getByTestId('sign-in-staff');
  await form.getByLabel('用户名').fill('clerk');
  await form.getByLabel('密码').fill('wrong-password');
  await form.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('sign-in-error').getByText('账号或密码错误').waitFor();
});

test('the clerk sees the workbench with the clerk’s menu and not the admin menu', async () => {
  const { page } = session;
  await signInStaff('clerk');
  await page.getByTestId('welcome-title').getByText('张敏').waitFor();
  const menu = page.getByTestId('workbench-menu');
  await menu.getByText('综合受理').waitFor();
  assert.equal(await menu.getByText('账号与角色').count(), 0);
  assert.equal(await menu.getByText('审计日志').count(), 0);
  assert.equal(await menu.getByText('行政区划').count(), 0);
  assert.match((await page.getByTestId('welcome-roles').textContent()) ?? '', /窗口工作人员/);
  await page.screenshot({ path: screenshotPath('02-workbench-clerk'), fullPage: true });
  await signOut();
});

test('the demo person sees 我的空间 with the ID number masked, and English on request', async () => {
  const { page } = session;
  await session.signInPerson();
  await page.getByTestId('my-title').getByText('我的空间').waitFor();
  assert.equal(await page.getByTestId('my-login').textContent(), '110105********002X');
  assert.equal(await page.getByText('11010519491231002X').count(), 0);
  await page.screenshot({ path: screenshotPath('03-my-space'), fullPage: true });

  await page.getByTestId('language-switch').first().click();
  await page.getByTestId('my-title').getByText('My space').waitFor();
  await page.getByText('Resident ID number').waitFor();
  await page.screenshot({ path: screenshotPath('04-my-space-en'), fullPage: true });

  // The choice is remembered, and the API answers errors in English too.
  await page.reload();
  await page.getByTestId('my-title').getByText('My space').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.goto(url('/login?as=staff'));
  const staff = page.getByTestId('sign-in-staff');
  await staff.getByLabel('User name').fill('clerk');
  await staff.getByLabel('Password').fill('wrong-password');
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('sign-in-error').getByText('Wrong account or password').waitFor();
  await page.getByTestId('language-switch').first().click();
  await page.getByText('工作人员').first().waitFor();
});

test('the admin opens the organisations page and finds 西安市市场监督管理局', async () => {
  const { page } = session;
  await signInStaff('admin');
  const menu = page.getByTestId('workbench-menu');
  await menu.getByText('审计日志').waitFor();
  await menu.getByText('机构管理').click();
  await page.waitForURL('**/workbench/organisations');
  await page.getByTestId('organisations-table').getByText('西安市市场监督管理局', { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('05-admin-organisations'), fullPage: true });
  await menu.getByText('大厅与窗口').click();
  await page.getByRole('cell', { name: '西安市政务服务大厅' }).waitFor();
  await menu.getByText('行政区划').click();
  await page.getByTestId('region-tree').getByText('西安市').first().waitFor();
  await menu.getByText('账号与角色').click();
  await page.getByTestId('accounts-table').getByText('张敏').waitFor();
  await menu.getByText('审计日志').click();
  await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.screenshot({ path: screenshotPath('06-admin-audit'), fullPage: true });
  await signOut();
});

test('the portal is usable at phone width', async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url('/'));
  await page.getByTestId('portal-departments').getByText('西安市市场监督管理局', { exact: true }).waitFor();
  await page.getByTestId('portal-menu').click();
  await page
    .getByTestId('portal-drawer')
    .getByRole('button', { name: /登\s*录/ })
    .waitFor();
  await page.waitForTimeout(400); // the drawer slides in
  await page.screenshot({ path: screenshotPath('08-portal-phone-menu') });
  await page.keyboard.press('Escape');
  await page.getByTestId('portal-drawer').waitFor({ state: 'hidden' });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(
    typeof overflow === 'number' && overflow <= 0,
    `the page is ${overflow}px wider than the phone screen`,
  );
  await page.screenshot({ path: screenshotPath('07-portal-phone'), fullPage: true });
});
