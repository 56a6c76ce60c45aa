import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../common/forms/schema.ts';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { screenshotPath } from './support/browser.ts';
import { PDF } from './support/cases.ts';
import { answerTheForm } from './support/forms.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

test('at the kiosk a resident reads the ID card, applies for 居住证 and takes a receipt; online the case is 自助终端 with one visit', async () => {
  const { page } = session;
  await page.bringToFront();
  await page.setViewportSize(PORTRAIT);

  // Set-up: the device token is checked before it is kept.
  await page.goto(url('/kiosk'));
  await page.waitForURL('**/kiosk/setup');
  await page.getByTestId('kiosk-token').fill('not-a-registered-token-01');
  await page.getByTestId('kiosk-setup-save').click();
  await page
    .getByTestId('kiosk-setup-error')
    .getByText(/自助终端未登记或已停用/)
    .waitFor();
  await page.getByTestId('kiosk-token').fill(DEMO_KIOSK_TOKEN);
  await page.getByTestId('kiosk-setup-save').click();
  await page.waitForURL('**/kiosk');
  await page.getByTestId('kiosk-card-screen').getByText('请刷身份证').waitFor();
  await page.getByTestId('kiosk-hall').getByText('西安市政务服务大厅').waitFor();
  await page.screenshot({ path: screenshotPath('kiosk-01-card-portrait') });
  await page.setViewportSize(LANDSCAPE);
  await page.screenshot({ path: screenshotPath('kiosk-02-card-landscape') });
  await page.setViewportSize(PORTRAIT);

  // The simulated reader: 李秀兰's card.
  await page.getByTestId('kiosk-simulate-card').filter({ hasText: '李秀兰' }).click();
  await page.getByTestId('kiosk-greeting').getByText('您好，李秀兰').waitFor();
  await page.getByTestId('kiosk-masked-id').getByText('110105********002X').waitFor();
  assert.equal(
    (await page.content()).includes('11010519491231002X'),
    false,
    'the full ID number is never shown',
  );
  await page.getByTestId('kiosk-matter').first().waitFor();
  await page.screenshot({ path: screenshotPath('kiosk-03-matters-portrait') });

  await page.getByTestId('kiosk-search').fill('居住证');
  await page.getByTestId('kiosk-search-button').click();
  const guideAnswer = page.waitForResponse((r) => r.url().includes('/api/catalogue/guides/'));
  await page.getByTestId('kiosk-matter').filter({ hasText: '居住证办理' }).click();
  const guide = (await (await guideAnswer).json()) as { document: { form?: FormDefinition } };
  assert.ok(guide.document.form, '居住证 has an application form');
  const form = page.getByTestId('kiosk-form');
  await form.getByRole('heading', { name: '居住证办理' }).waitFor();
  await form.getByTestId('kiosk-phone').fill('13991234567');
  const rows = form.locator('[data-testid=material-row]:has(input[type=file])');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    await row
      .locator('input[type=file]')
      .setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await row.getByTestId('material-uploaded').waitFor();
  }
  // The form comes filled in from the card holder's data; the kiosk's large controls answer the rest.
  await form.getByTestId('application-form').getByTestId('form-prefilled').waitFor();
  await page.screenshot({ path: screenshotPath('kiosk-04-form-portrait'), fullPage: true });
  await answerTheForm(form, guide.document.form, form.getByTestId('kiosk-submit'));

  const receipt = page.getByTestId('kiosk-receipt');
  await receipt.getByText('申请已提交').waitFor();
  const caseNo = (await receipt.getByTestId('kiosk-case-no').textContent())?.trim() ?? '';
  assert.match(caseNo, /^610100-\d{8}-\d{6}$/);
  const queryCode = (await receipt.getByTestId('kiosk-query-code').textContent())?.trim() ?? '';
  assert.ok(queryCode.length >= 4, 'the receipt carries the query code');
  await receipt.getByText('西安市政务服务大厅 · 一楼大厅自助终端 1 号').waitFor();
  await page.screenshot({ path: screenshotPath('kiosk-05-receipt-portrait') });
  await page.setViewportSize(LANDSCAPE);
  await page.screenshot({ path: screenshotPath('kiosk-06-receipt-landscape') });
  // The kiosk shows the card screen at once and ends the session with the server beside it.
  const signedOut = page.waitForResponse((res) => res.url().endsWith('/api/kiosk/sign-out'));
  await page.getByTestId('kiosk-finish').click();
  await page.getByTestId('kiosk-card-screen').waitFor();
  assert.equal((await signedOut).status(), 204, 'finishing ends the kiosk session');
  assert.equal((await page.request.get(url('/api/auth/me'))).status(), 401, 'finishing signs out');

  // Online, the same person finds the case, handed in at the kiosk in one visit.
  await page.setViewportSize({ width: 1280, height: 860 });
  await session.signInPerson();
  await page.locator(`[data-testid=my-case][data-case-no="${caseNo}"]`).getByRole('link').first().click();
  const facts = page.getByTestId('case-facts');
  await facts.getByTestId('case-no').getByText(caseNo).waitFor();
  await facts.getByText(/自助终端/).waitFor();
  assert.equal(await facts.getByTestId('case-visits').getAttribute('data-visits'), '1');
  await session.browser.context.clearCookies();
});

test('after two idle minutes the kiosk counts down, signs the resident out and waits for the next card', async () => {
  const page = await session.browser.context.newPage();
  try {
    await page.clock.install();
    await page.setViewportSize(LANDSCAPE);
    // A kiosk provisioned by a link carrying its token.
    await page.goto(url(`/kiosk/setup?token=${DEMO_KIOSK_TOKEN}`));
    await page.getByTestId('kiosk-setup-save').click();
    await page.getByTestId('kiosk-simulate-card').filter({ hasText: '王小明' }).click();
    await page.getByTestId('kiosk-greeting').getByText('您好，王小明').waitFor();
    assert.equal((await page.request.get(url('/api/kiosk/session'))).status(), 200);

    await page.clock.fastForward(95_000);
    await page
      .getByTestId('kiosk-countdown')
      .getByText(/秒后将自动退出/)
      .waitFor();
    // Let time run again so that the dialog's opening animation completes before looking at it.
    await page.clock.resume();
    await page.getByRole('button', { name: '继续办理' }).waitFor();
    await page.locator('.kiosk-modal:not([class*="-appear"]):not([class*="-enter"])').waitFor();
    await page.screenshot({ path: screenshotPath('kiosk-07-idle-landscape') });
    await page.clock.fastForward(30_000);
    await page.getByTestId('kiosk-card-screen').getByText('已自动退出，请重新刷身份证').waitFor();
    await page.getByTestId('kiosk-sign-out').waitFor({ state: 'detached' });
    let status = 0;
    for (let i = 0; i < 20 && status !== 401; i++) {
      status = (await page.request.get(url('/api/kiosk/session'))).status();
      if (status !== 401) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 401, 'the server session ended with it');
  } finally {
    await page.close();
  }
});
