import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { expectFiled } from './support/forms.ts';
import { COMPANY, COMPANY_NAME, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, signInCompany } = session;
const {
  companyFilesFoodLicence,
  foodLicence,
  upload,
  expectStatus,
  act,
  openStaffCase,
  expectMenu,
  submitApplication,
} = caseSteps(session);

/** The review queue shows the cases submitted online and awaiting pre-review, tagged 待受理. */
async function openSubmitted(caseNo: string, screenshot?: string) {
  const { page } = session;
  const row = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await row.getByTestId('awaiting-acceptance').getByText('待受理').waitFor();
  await row.getByText('食品经营许可', { exact: true }).waitFor();
  await row.getByText(COMPANY_NAME).waitFor();
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  await openStaffCase(caseNo, 'review-queue');
}

test('journey 1: a walk-in company applies at the counter with one 容缺 material; result held until supplied online; delivered by post; 1 visit', async () => {
  const { page, browser } = session;
  const matter = await foodLicence();
  await signInStaff('clerk');
  await page.getByTestId('workbench-menu').getByText('综合受理').click();
  await page.waitForURL('**/workbench/intake');
  const form = page.getByTestId('walk-in-form');
  await form.getByTestId('walk-in-login').fill(COMPANY);
  await form.getByTestId('walk-in-name').fill(COMPANY_NAME);
  await form.getByTestId('walk-in-phone').fill('059187654321');
  await form.getByRole('combobox').first().fill('食品经营许可');
  await page.locator('.ant-select-item-option', { hasText: matter.label }).click();
  await form.getByTestId('material-picker').waitFor();
  // 容缺-allowed: the food-safety rules (zd). The company authorised no certificate to the centre
  // (用证授权), so the clerk's form takes its 营业执照 from the legal-entity base.
  await form.locator('[data-key=zd] [data-testid=gap-allowed]').waitFor();
  await form.locator('[data-key=yyzz] [data-testid=material-prefilled][data-source=registry]').waitFor();
  await upload(page, '[data-testid=walk-in-form]', 'bj', '设备布局与操作流程.pdf');
  await form.getByTestId('delivery-post').click();
  await form.getByTestId('delivery-recipient').fill('林海');
  await form.getByTestId('delivery-phone').fill('13800138000');
  await form.getByTestId('delivery-address').fill('陕西省西安市雁塔区科技路 48 号');
  // The form is the 申请书: filled in from the company's data at the counter, the rest answered with it.
  await form.getByTestId('application-form').getByTestId('form-prefilled').waitFor();
  await page.screenshot({ path: screenshotPath('case-01-walk-in'), fullPage: true });
  await submitApplication(form, matter.id, form.getByTestId('walk-in-submit'));

  await page.getByTestId('staff-case-page').waitFor();
  await expectStatus(page, 'submitted');
  const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
  assert.match(caseNo, /^610100-\d{8}-\d{6}$/);
  await act('accept_with_gaps');
  await expectStatus(page, 'accepted_with_gaps');
  await page.locator('[data-testid=case-material][data-key=zd] [data-testid=material-gap]').waitFor();
  await page.getByTestId('notice-acceptance').waitFor();
  await page.screenshot({ path: screenshotPath('case-02-accepted-with-gaps'), fullPage: true });

  // The acceptance notice is a PDF.
  const noticeHref = await page.getByTestId('notice-acceptance').getAttribute('href');
  const notice = await page.request.get(url(noticeHref ?? ''));
  assert.equal(notice.status(), 200);
  assert.equal((await notice.body()).subarray(0, 4).toString('latin1'), '%PDF');

  // The reviewer of the department approves; concluding is held while the gap is open.
  await signInStaff('reviewer');
  await page.getByTestId('workbench-menu').getByText('审核队列').click();
  const queued = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await queued.getByText('食品经营许可', { exact: true }).waitFor();
  await queued.getByText(COMPANY_NAME).waitFor();
  await page.screenshot({ path: screenshotPath('case-03-review-queue'), fullPage: true });
  await openStaffCase(caseNo, 'review-queue');
  await expectMenu('审核队列');
  await page.getByTestId('case-applicant').getByText(COMPANY_NAME).waitFor();
  await page
    .locator('[data-testid=timeline-event][data-action=accept_with_gaps]')
    .getByText('张敏（窗口工作人员）')
    .waitFor();
  await act('start_review');
  await expectStatus(page, 'in_review');
  await act('approve', () => page.getByTestId('action-reason').fill('经审查，申请材料齐全，符合法定条件。'));
  await expectStatus(page, 'approved');
  await act('conclude');
  await page
    .getByTestId('action-error')
    .getByText(/容缺材料尚未补齐（食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度）/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('case-04-result-held') });
  await page.keyboard.press('Escape');

  // The company, signed in online, finds the case under 我的办件 and supplies the material.
  await signInCompany();
  const mine = page.locator(`[data-testid=my-case][data-case-no="${caseNo}"]`);
  await mine.getByRole('link', { name: '食品经营许可', exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('case-05-my-cases'), fullPage: true });
  await mine.getByRole('link', { name: '查看' }).click();
  await page.getByTestId('gap-card').waitFor();
  await upload(page, '[data-testid=gap-card]', 'zd', '食品安全管理制度.pdf');
  await page.getByTestId('supply-gap-submit').click();
  await page.getByTestId('gap-card').waitFor({ state: 'detached' });
  await expectStatus(page, 'approved');
  await page.screenshot({ path: screenshotPath('case-06-gap-supplied'), fullPage: true });

  // The clerk concludes and sends the licence by post to the address given at the counter.
  await signInStaff('clerk');
  await page.getByTestId('workbench-menu').getByText('综合受理').click();
  await page.getByRole('tab', { name: '本厅办件' }).click();
  await openStaffCase(caseNo, 'hall-cases');
  await expectMenu('综合受理');
  await act('conclude');
  await expectStatus(page, 'concluded');
  await act('deliver', async () => {
    assert.equal(await page.getByTestId('delivery-address').inputValue(), '陕西省西安市雁塔区科技路 48 号');
  });
  await expectStatus(page, 'delivered');
  await page.getByTestId('tracking-no').waitFor();
  assert.equal(await page.getByTestId('case-visits').getAttribute('data-visits'), '1');
  assert.equal(await page.getByTestId('case-timeline').getByTestId('visit-mark').count(), 1);
  await page.screenshot({ path: screenshotPath('case-07-delivered'), fullPage: true });

  // Anyone with the number and the query code sees the progress, without signing in.
  const caseId = new URL(page.url()).pathname.split('/').at(-1);
  const full = (await page.request.get(url(`/api/cases/${caseId}`)).then((r) => r.json())) as {
    queryCode: string;
  };
  await browser.context.clearCookies();
  await page.goto(url(`/progress?caseNo=${caseNo}&code=${full.queryCode}`));
  await page.locator('[data-testid=progress-result] [data-status=delivered]').waitFor();
  await page.screenshot({ path: screenshotPath('case-08-progress'), fullPage: true });
});

test('journey 2: an online application on a phone gets a 补正 list of two problems, is resubmitted, accepted, approved and concluded in time', async () => {
  const { page, browser } = session;
  const matter = await foodLicence();
  const phone = await browser.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    // Not signed in: applying leads to the sign-in page, and back to the application after it.
    await browser.context.clearCookies();
    await phone.bringToFront();
    await phone.goto(url(`/guide/${matter.id}`));
    await phone.getByTestId('guide-apply').click();
    await phone.waitForURL(/\/login\?next=/);
    await phone.getByRole('tab', { name: /法人$/ }).click();
    const form = phone.getByTestId('sign-in-company');
    await form.getByLabel('统一社会信用代码').fill(COMPANY);
    await form.getByLabel('密码').fill('demo1234');
    await form.getByRole('button', { name: /登\s*录/ }).click();
    await phone.waitForURL(`**/apply/${matter.id}`);
    await phone.getByTestId('apply-page').waitFor();
    await phone.getByTestId('apply-phone').fill('059187654321');
    await phone.getByTestId('application-form').getByTestId('form-prefilled').waitFor();
    await upload(phone, '[data-testid=apply-page]', 'bj', '布局图.pdf');
    await upload(phone, '[data-testid=apply-page]', 'zd', '管理制度.pdf');
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(Number(overflow) <= 1, `the form is ${overflow}px wider than the phone`);
    await phone.screenshot({ path: screenshotPath('case-11-apply-phone'), fullPage: true });
    await submitApplication(phone.getByTestId('apply-page'), matter.id, phone.getByTestId('apply-submit'));
    await expectFiled(phone.getByTestId('my-case-page'));
    await expectStatus(phone, 'submitted');
    const caseNo = (await phone.getByTestId('case-no').textContent())?.trim() ?? '';

    // The department pre-reviews the online case and asks for two corrections at once.
    await signInStaff('reviewer');
    await page.getByTestId('workbench-menu').getByText('审核队列').click();
    await openSubmitted(caseNo, 'case-11b-queue-awaiting-acceptance');
    await act('request_supplement', async () => {
      const problems = page.getByTestId('action-problem');
      await problems.nth(0).locator('.ant-select').click();
      await page.locator('.ant-select-item-option', { hasText: '经营场所（经营场所）' }).click();
      await problems.nth(0).locator('textarea').fill('经营场所未写明楼层和房间号');
      await page.getByTestId('add-problem').click();
      await problems.nth(1).locator('textarea').fill('布局图未标注食品处理区面积');
      await page.screenshot({ path: screenshotPath('case-12-supplement-form') });
    });
    await expectStatus(page, 'needs_supplement');
    await page.getByTestId('notice-supplement').waitFor();

    // The applicant sees both problems in one list and resubmits.
    await signInCompany(phone);
    await phone
      .locator(`[data-testid=my-case][data-case-no="${caseNo}"]`)
      .getByRole('link', { name: '查看' })
      .click();
    const card = phone.getByTestId('supplement-card');
    await card.waitFor();
    assert.equal(await card.getByTestId('supplement-problems').locator('li').count(), 2);
    await card
      .getByTestId('supplement-problems')
      .getByText(/经营场所未写明楼层和房间号/)
      .waitFor();
    // The field the notice names is open to correct, in the same renderer as the application.
    const field = card.locator('[data-testid=form-correction] [data-testid=form-field][data-path=premises]');
    await field.getByTestId('field-error').getByText('经营场所未写明楼层和房间号').waitFor();
    const premises = field.locator('textarea');
    await premises.fill(`${await premises.inputValue()}一层101室`);
    await phone.screenshot({ path: screenshotPath('case-13-supplement-phone'), fullPage: true });
    await upload(phone, '[data-testid=supplement-card]', 'bj', '布局图（标注面积）.pdf');
    await phone.getByTestId('resubmit-submit').click();
    await expectStatus(phone, 'submitted');

    // Accepted, reviewed, approved and concluded within the promised limit.
    await signInStaff('reviewer');
    await page.goto(url('/workbench/review'));
    await openSubmitted(caseNo);
    await act('accept');
    await expectStatus(page, 'accepted');
    await act('start_review');
    await expectStatus(page, 'in_review');
    await act('approve');
    await expectStatus(page, 'approved');
    await act('conclude');
    await expectStatus(page, 'concluded');
    await page.getByTestId('on-time').getByText('在承诺时限内').waitFor();
    assert.equal(await page.getByTestId('case-visits').getAttribute('data-visits'), '0');
    await page.screenshot({ path: screenshotPath('case-14-concluded'), fullPage: true });
  } finally {
    await phone.close();
  }
});

test('while an action is on its way nothing else can be started, and its dialog cannot be closed', async () => {
  const { page } = session;
  const { filed } = await companyFilesFoodLicence();
  await signInStaff('reviewer');
  await page.goto(url(`/workbench/cases/${filed.id}`));
  await expectStatus(page, 'submitted');

  // The server's answer to 受理 is held back until the checks below are done.
  let answer = () => {};
  const held = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await page.route('**/api/cases/*/accept', async (route) => {
    await held;
    await route.continue().catch(() => {}); // the page may be gone when a failed check ended the test
  });
  try {
    await page.getByTestId('action-accept').click();
    const dialog = page.locator('[data-testid=action-dialog][data-action=accept]');
    await page.locator('[data-testid=action-dialog][data-action=accept][data-opened=true]').waitFor();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/accept'));
    await dialog.getByTestId('action-confirm').click();
    await sent;
    // The answer is held: the other actions must turn disabled (and stay so) while it is on its way.
    await page.locator('[data-testid=action-not_accept]:disabled').waitFor({ timeout: 5_000 });
    await page.locator('[data-testid=action-request_supplement]:disabled').waitFor({ timeout: 5_000 });
    assert.ok(await page.getByTestId('action-not_accept').isDisabled(), '不予受理 cannot be started');
    assert.ok(await page.getByTestId('action-request_supplement').isDisabled(), '补正 cannot be started');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /取\s*消/ }).click({ force: true });
    assert.ok(await dialog.isVisible(), 'the dialog stays open');
    answer();
    await dialog.waitFor({ state: 'hidden' });
    await expectStatus(page, 'accepted');
    assert.ok(await page.getByTestId('action-start_review').isEnabled());
  } finally {
    answer();
    await page.unroute('**/api/cases/*/accept');
  }
});
