import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany } = session;
const { companyFilesFoodLicence, foodLicence, upload } = caseSteps(session);

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
  await upload(page, '[data-testid=apply-page]', 'sqs', '食品经营许可申请书.pdf');
  await summary.getByText(`还需上传 ${before - 1} 项`).waitFor();
  assert.equal(Number(await summary.getAttribute('data-to-upload')), before - 1);
  await page.screenshot({ path: screenshotPath('portal-04-apply'), fullPage: true });
});
