import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;

const PHONE = { width: 390, height: 844 };

const cardNames = () => session.page.getByTestId('station-name').allTextContents();

test('on a phone, an address in 西一路街道 lists that street’s centre first; a region picked lists its stations', async () => {
  const { page } = session;
  await page.setViewportSize(PHONE);
  await page.goto(url('/'));
  await page.getByTestId('portal-menu').click();
  await page.getByTestId('portal-drawer').getByTestId('portal-stations-link').click();
  await page.getByRole('heading', { name: '身边的政务服务站' }).waitFor();
  await page.getByTestId('station-card').first().waitFor();

  const address = page.getByTestId('stations-address').locator('input');
  await address.fill('新城区西一路街道尚朴社区东七路 9 号');
  await address.press('Enter');
  await page.getByTestId('stations-note').getByText('您的住址在“尚朴社区”').waitFor();
  const first = page.getByTestId('station-card').first();
  assert.equal(await first.getByTestId('station-name').textContent(), '西一路街道便民服务大厅');
  await first.locator('.station-kind').getByText('街道便民服务中心').waitFor();
  await first.getByText('不足 100 米').waitFor();
  assert.equal(await first.locator('a[href^="tel:"]').getAttribute('href'), 'tel:02987271234');
  assert.deepEqual((await cardNames()).slice(1, 3), ['红会社区便民服务站', '民乐社区便民服务站']);
  await page
    .getByTestId('station-card')
    .nth(2)
    .getByText(/可办事项 \d+ 项/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('stations-01-address'), fullPage: true });

  await page.goto(url('/stations'));
  await page.getByTestId('station-card').first().waitFor();
  await page.locator('#stations-region').click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '新城区' }).click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '自强路街道' }).click();
  await page.getByText('共 1 个服务站').waitFor();
  assert.deepEqual(await cardNames(), ['自强路街道便民服务大厅']);
  await page
    .getByTestId('station-card')
    .getByText(/周六 9:00—12:00/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('stations-02-region'), fullPage: true });
});

test('使用我的位置: refused, the page says so; allowed, the nearest station comes first', async () => {
  const { page, browser } = session;
  await page.setViewportSize(PHONE);
  await browser.context.clearPermissions();
  await page.goto(url('/stations'));
  await page.getByTestId('station-card').first().waitFor();
  await page.getByTestId('stations-locate').click();
  await page
    .getByTestId('stations-locate-failed')
    .getByText(/未能获取您的位置/)
    .waitFor();

  await browser.context.grantPermissions(['geolocation'], { origin: url('') });
  // Beside the 民乐 community station.
  await browser.context.setGeolocation({ latitude: 34.2677, longitude: 108.961 });
  await page.getByTestId('stations-locate').click();
  await page.getByTestId('stations-note').getByText('按与您的距离由近及远排序').waitFor();
  assert.equal(await page.getByTestId('station-name').first().textContent(), '民乐社区便民服务站');
  await page.screenshot({ path: screenshotPath('stations-03-position'), fullPage: true });
});
