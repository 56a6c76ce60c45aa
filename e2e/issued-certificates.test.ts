import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { pdfText, savePagePng } from '../server/testing/pdf.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff } = session;
const { concludedFoodLicenceCase } = caseSteps(session);

test('the department head finds the licence a case issued under 已发证照, printed with what the platform knew, and revokes it with a reason', async () => {
  const { page } = session;
  await concludedFoodLicenceCase();

  await signInStaff('head');
  await page.getByTestId('workbench-menu').getByText('已发证照').click();
  await page.waitForURL('**/workbench/issued-certificates');
  const rows = page.getByTestId('issued-row');
  const licence = rows.filter({ hasText: '食品经营许可证' }).first();
  await licence.locator('[data-testid=certificate-status][data-status=issued]').waitFor();
  await rows.filter({ hasText: '营业执照' }).first().waitFor();
  const number = await licence.getAttribute('data-number');
  assert.ok(number?.startsWith('SPJY'), `a food licence number: ${number}`);
  await page.screenshot({ path: screenshotPath('issued-01-list'), fullPage: true });

  // The case's form held none of them: 法定代表人 and 住所 come from the company's 营业执照.
  const pdf = await page.request.get(url(`/api/certificates/${await licenceId(number!)}/pdf`));
  assert.equal(pdf.status(), 200);
  const pdfPath = screenshotPath('issued-02-certificate').replace(/\.png$/, '.pdf');
  writeFileSync(pdfPath, await pdf.body());
  const text = pdfText(pdfPath);
  assert.ok(text.includes('林海峰'), 'the legal representative is printed');
  assert.ok(text.includes('长乐中路128号3层'), 'the registered address is printed');
  savePagePng(pdfPath);

  // Revoked with a reason: the row says so at once.
  await licence.getByTestId('issued-revoke').click();
  await page.locator('[data-testid=issued-revoke-dialog][data-opened=true]').waitFor();
  await page.getByTestId('issued-revoke-confirm').click();
  await page.getByText('请填写撤销原因').waitFor();
  await page.getByTestId('issued-revoke-reason').fill('经营者申请注销许可');
  await page.screenshot({ path: screenshotPath('issued-03-revoke-dialog') });
  await page.getByTestId('issued-revoke-confirm').click();
  const revoked = page.locator(`[data-testid=issued-row][data-number="${number}"]`);
  await revoked.locator('[data-testid=certificate-status][data-status=revoked]').waitFor();
  await revoked.getByText('原因：经营者申请注销许可').waitFor();
  assert.equal(await revoked.getByTestId('issued-revoke').count(), 0);
  await page.screenshot({ path: screenshotPath('issued-04-revoked'), fullPage: true });

  // A supervisor of the region sees every office's certificates, ID numbers masked, and revokes nothing.
  await signInStaff('supervisor');
  await page.getByTestId('workbench-menu').getByText('已发证照').click();
  const card = page.getByTestId('issued-row').filter({ hasText: '居民身份证' }).first();
  await card.getByTestId('issued-holder-login').getByText('110105********002X').waitFor();
  assert.equal(await page.getByTestId('issued-revoke').count(), 0);
  await page.screenshot({ path: screenshotPath('issued-05-supervisor'), fullPage: true });
});

/** The id of a certificate by its number, as the head's list gives it. */
async function licenceId(number: string): Promise<string> {
  const answer = await session.page.request.get(url('/api/certificates?typeCode=spjy&limit=200'));
  const { items } = (await answer.json()) as { items: { id: string; number: string }[] };
  const found = items.find((c) => c.number === number);
  assert.ok(found, `the list holds ${number}`);
  return found.id;
}
