import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CertificateView } from '../common/certificates/types.ts';
import { pdfShowsQrCode, pdfText, savePagePng } from '../server/testing/pdf.ts';
import { call } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { COMPANY, COMPANY_NAME, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany, signInStaff } = session;
const { concludedFoodLicenceCase } = caseSteps(session);

test('a concluded food licence case issues a certificate: its QR link verifies as authentic, the holder downloads it from 我的证照 and lets the case use it', async () => {
  const { page, browser } = session;
  const { company, caseId, caseNo } = await concludedFoodLicenceCase();

  const wallet = await call(company, 'GET', '/api/me/certificates');
  assert.equal(wallet.status, 200, JSON.stringify(wallet.body));
  const items = (Array.isArray(wallet.body) ? wallet.body : wallet.body?.items) as CertificateView[];
  const licence = items.find((c) => c.caseId === caseId);
  assert.ok(licence, 'the concluded case issued a certificate to the company');
  assert.equal(licence.typeName, '食品经营许可证');

  // The holder signs in and finds it in 我的证照.
  await signInCompany();
  await page.getByTestId('my-certificates').getByRole('link').click();
  await page.waitForURL('**/my/certificates');
  const card = page.locator(`[data-testid=certificate-card][data-number="${licence.number}"]`);
  await card.getByText('食品经营许可证').waitFor();
  await card.locator('[data-testid=certificate-status][data-status=issued]').getByText('有效').waitFor();
  await card.getByText(COMPANY_NAME).waitFor();
  await page.screenshot({ path: screenshotPath('certificates-01-wallet'), fullPage: true });

  // The PDF downloads; its QR code holds the verification link.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByTestId('certificate-pdf').click(),
  ]);
  const pdfPath = screenshotPath('certificates-02-certificate').replace(/\.png$/, '.pdf');
  await download.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf);
  assert.ok(
    text.includes('食品经营许可证') && text.includes(licence.number),
    'the PDF names the type and number',
  );
  savePagePng(pdfPath);
  const qrLink = url(`/verify/${licence.verificationCode}`);
  assert.ok(pdfShowsQrCode(pdf, qrLink), `the QR code opens ${qrLink}`);

  // The holder lets the case use the certificate (用证授权) and sees the authorisation listed.
  await card.getByTestId('certificate-authorise').click();
  const drawer = page.getByTestId('authorisation-drawer');
  await drawer.getByTestId('authorisation-case').click();
  await page.locator('.ant-select-item-option', { hasText: caseNo }).click();
  await drawer.getByTestId('authorisation-submit').click();
  await drawer.locator('[data-testid=authorisation][data-state=active]').getByText(caseNo).waitFor();
  await page.screenshot({ path: screenshotPath('certificates-03-authorised'), fullPage: true });

  // Anyone scanning the QR code on a phone, signed in or not, sees it authentic.
  const phone = await browser.context.newPage();
  try {
    await browser.context.clearCookies();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(qrLink);
    const result = phone.locator('[data-testid=verify-result][data-result=authentic]');
    await result.getByText('真实有效', { exact: true }).waitFor();
    const shown = phone.getByTestId('verify-certificate');
    await shown.getByText('食品经营许可证').waitFor();
    await shown.getByText(licence.number).waitFor();
    await phone.screenshot({ path: screenshotPath('certificates-04-verify-phone'), fullPage: true });

    // A forged code is not found.
    await phone.goto(url('/verify/FORGED0000000000'));
    await phone
      .locator('[data-testid=verify-result][data-result=not_found]')
      .getByText('未找到', { exact: true })
      .waitFor();
    await phone.screenshot({ path: screenshotPath('certificates-06-verify-not-found'), fullPage: true });
  } finally {
    await phone.close();
  }

  // A counter clerk, to whom nothing was authorised, finds nothing; the reviewer, who may see the case, finds it.
  const lookUp = async (username: string) => {
    await signInStaff(username);
    await page.getByTestId('workbench-menu').getByText('证照查询').click();
    await page.waitForURL('**/workbench/certificates');
    await page.getByTestId('lookup-audited').waitFor();
    await page.getByTestId('lookup-login').fill(COMPANY);
    await page.getByTestId('lookup-search').click();
  };
  await lookUp('clerk');
  await page.getByTestId('lookup-none').waitFor();
  await lookUp('reviewer');
  const found = page
    .getByTestId('lookup-results')
    .locator(`[data-testid=certificate-card][data-number="${licence.number}"]`);
  await found.waitFor();
  await page.screenshot({ path: screenshotPath('certificates-05-lookup'), fullPage: true });

  // The holder withdraws the authorisation; the reviewer's next look-up finds nothing.
  await signInCompany();
  await page.goto(url('/my/certificates'));
  await card.getByTestId('certificate-authorise').click();
  await drawer.getByTestId('authorisation-revoke').click();
  // Once its opening animation has ended: a click on a button still moving can be released beside it.
  await page
    .locator('.ant-popconfirm:not([class*="-appear"]):not([class*="-enter"])')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await drawer.locator('[data-testid=authorisation][data-state=revoked]').waitFor();
  await lookUp('reviewer');
  await page.getByTestId('lookup-none').waitFor();
});
