import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany } = session;
const { companyFilesFoodLicence, concludedFoodLicenceCase, foodLicence, upload } = caseSteps(session);

test('a person without an account checks a case’s progress from the home page with its number and query code', async () => {
  const { page, browser } = session;
  const { filed } = await companyFilesFoodLicence();
  const caseNo = String(filed.caseNo);
  const queryCode = String(filed.queryCode);

  await browser.context.clearCookies();
  await page.goto(url('/'));
  const header = page.locator('.portal-header');
  await header.getByTestId('portal-progress-link').getByText('办件查询').waitFor();
  await header.getByTestId('portal-verify-link').getByText('证照核验').waitFor();
  await page.getByTestId('home-verify').getByText('证照核验').waitFor();
  await page.screenshot({ path: screenshotPath('portal-01-home'), fullPage: true });

  await page.getByTestId('home-progress').click();
  await page.waitForURL('**/progress');
  await page.getByTestId('progress-case-no').fill(caseNo);
  await page.getByTestId('progress-code').fill(queryCode.toLowerCase());
  await page
    .getByTestId('progress-page')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  const result = page.getByTestId('progress-result');
  await result.getByText(caseNo).waitFor();
  await result.getByText('食品经营许可').waitFor();
  await result.locator('[data-status=submitted]').waitFor();
  await page.screenshot({ path: screenshotPath('portal-02-progress'), fullPage: true });
});

test('on a phone the menu offers 办件查询 and 证照核验', async () => {
  const phone = await session.browser.context.newPage();
  try {
    await session.browser.context.clearCookies();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url('/'));
    await phone.getByTestId('portal-menu').click();
    const drawer = phone.getByTestId('portal-drawer');
    await drawer.getByTestId('portal-progress-link').getByText('办件查询').waitFor();
    await drawer.getByTestId('portal-verify-link').getByText('证照核验').waitFor();
    await phone.locator('.ant-drawer-content-wrapper').waitFor();
    await phone.waitForTimeout(400);
    await phone.screenshot({ path: screenshotPath('portal-03-phone-menu') });
    await drawer.getByTestId('portal-verify-link').click();
    await phone.waitForURL('**/verify');
    await phone.getByTestId('portal-drawer').waitFor({ state: 'hidden' });
  } finally {
    await phone.close();
  }
});

test('在线办理 on a matter for companies opens the 法人 sign-in', async () => {
  const { page, browser } = session;
  const matter = await foodLicence();
  await browser.context.clearCookies();
  await page.goto(url(`/guide/${matter.id}`));
  await page.getByTestId('guide-apply').click();
  await page.waitForURL(/\/login\?.*\bas=company/);
  await page.locator('.ant-tabs-tab-active').getByText('法人').waitFor();
  await page.getByTestId('sign-in-company').waitFor();
});

test('on the apply page the phone is prefilled and the count still to upload goes down as files are added', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await signInCompany();
  await page.goto(url(`/apply/${matter.id}`));
  await page.getByTestId('apply-page').waitFor();
  assert.equal(await page.getByTestId('apply-phone').inputValue(), '059187654321');

  const summary = page.getByTestId('prefill-summary');
  await summary.getByText(/还需上传 \d+ 项/).waitFor();
  const before = Number(await summary.getAttribute('data-to-upload'));
  assert.ok(before >= 2, `materials to upload: ${before}`);
  // The 申请书 is the application form itself: the layout plans are a file to upload.
  await upload(page, '[data-testid=apply-page]', 'bj', '设备布局与操作流程.pdf');
  await summary.getByText(`还需上传 ${before - 1} 项`).waitFor();
  assert.equal(Number(await summary.getAttribute('data-to-upload')), before - 1);
  await page.screenshot({ path: screenshotPath('portal-04-apply'), fullPage: true });
});

test('食品经营许可 is one result with 选择办理地: the city for a visitor, the registered 新城区 for the company', async () => {
  const { page, browser } = session;
  await browser.context.clearCookies();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(url('/'));
    const hot = page.getByTestId('hot-searches');
    await hot.getByTestId('hot-search').first().waitFor();
    const terms = await hot.getByTestId('hot-search').allTextContents();
    assert.equal(terms[0], '开饭店', terms.join('、'));
    assert.ok(!terms.includes('公积金提取'), `a term that finds nothing is not hot: ${terms.join('、')}`);

    await page.goto(url(`/search?q=${encodeURIComponent('食品经营许可')}`));
    const cards = page.getByTestId('matter-card').filter({
      has: page.getByTestId('matter-card-name').getByText('食品经营许可', { exact: true }),
    });
    await cards.first().waitFor();
    assert.equal(await cards.count(), 1, 'one card for the three places');
    const card = cards.first();
    assert.equal(await card.getAttribute('data-places'), '3');
    const choice = card.getByTestId('place-choice');
    assert.equal(await choice.getAttribute('data-region'), '610100', 'the city level for a visitor');
    await page.screenshot({ path: screenshotPath('portal-05-search-phone'), fullPage: true });

    await choice.getByTestId('place-select').click();
    const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid=place-option]';
    // The dropdown opens with an animation: read the options once all three are there.
    await page.waitForFunction(`document.querySelectorAll(${JSON.stringify(open)}).length === 3`);
    const options = page.locator(open);
    assert.deepEqual(await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-region'))), [
      '610100',
      '610102',
      '610103',
    ]);
    await page.screenshot({ path: screenshotPath('portal-06-choose-place-phone') });
    await options.filter({ hasText: '碑林区' }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    assert.equal(await choice.getAttribute('data-region'), '610103');
    await card.getByTestId('matter-card-guide').click();
    await page.getByTestId('guide').waitFor();
    await page.getByTestId('guide').locator('.guide-meta').getByText('碑林区', { exact: true }).waitFor();
    const onGuide = page.getByTestId('guide-place-choice');
    assert.equal(await onGuide.getAttribute('data-region'), '610103');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The company is registered in 新城区: its place comes first, and the city's guide suggests it.
  await session.signInCompany();
  await page.goto(url(`/search?q=${encodeURIComponent('食品经营许可')}`));
  const card = page
    .getByTestId('matter-card')
    .filter({ has: page.getByTestId('matter-card-name').getByText('食品经营许可', { exact: true }) });
  await card.getByTestId('place-yours').getByText('按您的登记地（新城区）').waitFor();
  assert.equal(await card.getByTestId('place-choice').getAttribute('data-region'), '610102');
  const city = await foodLicence();
  await page.goto(url(`/guide/${city.id}`));
  const suggestion = page.getByTestId('guide-place-suggestion');
  await suggestion.getByText('按您的登记地（新城区），建议在新城区办理。').waitFor();
  await suggestion.getByRole('button', { name: '切换到新城区' }).click();
  await page.getByTestId('guide').locator('.guide-meta').getByText('新城区', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('guide-place-choice').getAttribute('data-region'), '610102');
  await page.getByTestId('guide-place-suggestion').waitFor({ state: 'detached' });
});

test('after 办结 and 送达 by post the company’s case page shows the licence, the decision and the tracking number', async () => {
  const { page } = session;
  const { caseId, caseNo } = await concludedFoodLicenceCase();
  const clerk = await signInOver(url(''), '/api/auth/login', { username: 'head', password: 'demo1234' });
  const current = await call(clerk, 'GET', `/api/cases/${caseId}`);
  const delivered = await call(clerk, 'POST', `/api/cases/${caseId}/deliver`, {
    version: current.body?.version,
    method: 'post',
    address: { recipient: '林晓', phone: '13800001234', address: '西安市新城区解放路 100 号' },
  });
  assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
  const trackingNo = String(delivered.body?.trackingNo);
  assert.match(trackingNo, /^SB\d{9}CN$/);

  await session.signInCompany();
  await page.goto(url(`/my/cases/${caseId}`));
  const result = page.getByTestId('case-result');
  await result.waitFor();
  await page.getByTestId('case-no').getByText(caseNo).waitFor();
  const certificate = result.getByTestId('result-certificate');
  await certificate.getByTestId('result-certificate-type').getByText('食品经营许可证').waitFor();
  await certificate.locator('[data-testid=certificate-status][data-status=issued]').waitFor();
  const number = (await certificate.getByTestId('result-certificate-number').textContent())?.trim() ?? '';
  assert.ok(number.length > 0);
  const pdf = await page.request.get(
    url((await certificate.getByTestId('result-certificate-pdf').getAttribute('href')) ?? ''),
  );
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const notice = await page.request.get(
    url((await result.getByTestId('result-notice-approval').getAttribute('href')) ?? ''),
  );
  assert.equal(notice.status(), 200);
  assert.equal(notice.headers()['content-type'], 'application/pdf');
  const delivery = result.getByTestId('result-delivery');
  assert.equal(await delivery.getAttribute('data-method'), 'post');
  await delivery.getByText('邮寄送达').waitFor();
  await delivery.getByText('已寄出').waitFor();
  assert.equal((await delivery.getByTestId('result-tracking-no').textContent())?.trim(), trackingNo);
  await page.screenshot({ path: screenshotPath('portal-07-case-result'), fullPage: true });

  await certificate.getByTestId('result-wallet').click();
  await page.waitForURL('**/my/certificates');
  await page.getByTestId('wallet-page').getByText(number).waitFor();
});
