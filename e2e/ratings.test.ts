import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { call, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, signInCompany } = session;
const { concludedFoodLicenceCase } = caseSteps(session);

const CONTACT_NOTE = '已电话联系申请人，了解到审核环节等待时间较长';
const OUTCOME = '已优化审核流程，食品经营许可审核时限由 10 个工作日压缩为 5 个工作日';

async function openCase(phone: Page, caseId: string) {
  await signInCompany(phone);
  await phone.goto(url(`/my/cases/${caseId}`));
  await phone.getByTestId('my-case-page').waitFor();
}

async function noOverflow(phone: Page) {
  const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(Number(overflow) <= 1, `the page is ${overflow}px wider than the phone`);
}

test('issue 17 browser test 1: the applicant rates a concluded case 不满意 on a phone; the department calls back and rectifies; the applicant sees the outcome', async () => {
  const { page, browser } = session;
  const { caseId, caseNo } = await concludedFoodLicenceCase();
  const phone = await browser.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    await openCase(phone, caseId);
    const card = phone.locator('[data-testid=case-rating][data-stage=concluded]');
    await card.getByRole('radiogroup', { name: '总体评价' }).waitFor();
    await card.getByRole('radio', { name: '不满意', exact: true }).check();
    // The five online sub-ratings, each set to the level chosen.
    await card
      .locator('[data-testid=sub-score][data-key=guideAccuracy]')
      .getByText('办事指南精确度')
      .waitFor();
    assert.equal(await card.getByTestId('sub-score').count(), 5);
    // A 差评 needs a problem: without one nothing is sent.
    await card.getByTestId('rating-submit').click();
    await card.getByRole('alert').filter({ hasText: '差评请至少选择一个问题' }).waitFor();
    await card.getByRole('checkbox', { name: '办理时间长' }).check();
    await card.getByTestId('rating-comment').fill('审核等了很久，中间没有任何进度提示');
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('ratings-01-phone-form'), fullPage: true });
    await card.getByTestId('rating-submit').click();
    const given = card.getByTestId('given-rating');
    await given
      .getByTestId('given-level')
      .filter({ hasText: /^不满意$/ })
      .waitFor();
    await given.getByText('办理时间长').waitFor();
    await given
      .locator('[data-testid=rating-revisit][data-status=open]')
      .getByText('部门将在 1 个工作日内与您联系')
      .waitFor();
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('ratings-02-phone-given'), fullPage: true });

    // The department head finds the revisit task under 差评整改, calls the applicant and rectifies.
    await signInStaff('head');
    await page.getByRole('menuitem', { name: /差评整改/ }).click();
    await page.waitForURL('**/workbench/revisits');
    const row = page.locator(`[data-testid=revisit][data-case-no="${caseNo}"]`);
    await row.getByText('审核等了很久，中间没有任何进度提示').waitFor();
    await row.getByTestId('revisit-status').filter({ hasText: '待回访' }).waitFor();
    await page.screenshot({ path: screenshotPath('ratings-03-revisits'), fullPage: true });
    await row.getByTestId('revisit-contact').click();
    await page.locator('[data-testid=revisit-contact-dialog][data-opened=true]').waitFor();
    await page.getByTestId('revisit-contact-reason').fill(CONTACT_NOTE);
    await page.getByTestId('revisit-contact-confirm').click();
    await page.getByTestId('revisit-contact-dialog').waitFor({ state: 'detached' });
    await row.getByTestId('revisit-status').filter({ hasText: '已回访' }).waitFor();
    await row.getByText(CONTACT_NOTE).waitFor();
    await row.getByTestId('revisit-rectify').click();
    await page.locator('[data-testid=revisit-rectify-dialog][data-opened=true]').waitFor();
    await page.getByTestId('revisit-rectify-reason').fill(OUTCOME);
    await page.screenshot({ path: screenshotPath('ratings-04-rectify') });
    await page.getByTestId('revisit-rectify-confirm').click();
    await page.getByTestId('revisit-rectify-dialog').waitFor({ state: 'detached' });
    // Rectified, the task leaves the list of open tasks for 已整改.
    await row.waitFor({ state: 'detached' });
    await page.getByText('已整改', { exact: true }).click();
    await row.getByTestId('revisit-status').filter({ hasText: '已整改' }).waitFor();
    await row.getByText(OUTCOME).waitFor();
    await page.screenshot({ path: screenshotPath('ratings-05-rectified'), fullPage: true });

    // The applicant sees the department's outcome on the case page.
    await openCase(phone, caseId);
    const revisit = phone.locator(
      '[data-testid=case-rating][data-stage=concluded] [data-testid=rating-revisit][data-status=rectified]',
    );
    await revisit
      .getByTestId('rating-outcome')
      .filter({ hasText: `整改结果：${OUTCOME}` })
      .waitFor();
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('ratings-06-phone-outcome'), fullPage: true });
  } finally {
    await phone.close();
  }
});

/** Marks the case as handled at the window, as a counter filing there would. */
async function handledAtWindow(caseId: string, windowId: string) {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    await client.query('UPDATE cases SET window_id = $1 WHERE id = $2', [windowId, caseId]);
  } finally {
    await client.end();
  }
}

test('the acceptance is rated through the SMS link on a phone without signing in, the conclusion at the window’s 评价器; the applicant sees both', async () => {
  const { page, browser } = session;
  const { caseId, caseNo } = await concludedFoodLicenceCase();
  const reviewer = await signInOver(url(''), '/api/auth/login', {
    username: 'reviewer',
    password: 'demo1234',
  });
  const link = await call(reviewer, 'POST', `/api/ratings/cases/${caseId}/link`, { stage: 'accepted' });
  assert.equal(link.status, 201, JSON.stringify(link.body));
  const linkPath = String(link.body?.url);

  const phone = await browser.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    await browser.context.clearCookies();
    await phone.goto(url(linkPath));
    const rate = phone.getByTestId('rating-link-page');
    await rate.getByText(caseNo).waitFor();
    await rate.getByText('食品经营许可').waitFor();
    await rate.getByText('受理环节').waitFor();
    await rate.getByRole('radio', { name: '满意', exact: true }).check();
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('ratings-07-sms-link'), fullPage: true });
    await rate.getByTestId('rating-submit').click();
    await phone.getByTestId('rating-link-thanks').getByText('感谢您的评价！').waitFor();
    // Used once, the link says so.
    await phone.reload();
    await phone.getByTestId('rating-link-gone').getByText('该评价链接已失效').waitFor();
    await phone.screenshot({ path: screenshotPath('ratings-08-sms-link-used'), fullPage: true });

    // At the counter's tablet, signed in as the window's clerk, the applicant rates the conclusion.
    const clerk = await signInOver(url(''), '/api/auth/login', { username: 'clerk', password: 'demo1234' });
    const windows = await call(clerk, 'GET', '/api/tickets/my-windows');
    const window = (windows.body as unknown as { id: string; number: string; name: string }[])[0]!;
    await handledAtWindow(caseId, window.id);
    await signInStaff('clerk');
    await page.getByRole('menuitem', { name: /评价器/ }).click();
    await page.getByTestId('evaluator').waitFor();
    await page.getByTestId('evaluator-window').click();
    await page.locator('.ant-select-item-option', { hasText: `${window.number} ${window.name}` }).click();
    const tablet = page.locator(`[data-testid=evaluator-case][data-case-no="${caseNo}"]`);
    await tablet.getByText('办结环节').waitFor();
    await tablet.getByRole('radio', { name: '非常满意' }).check();
    await tablet.locator('[data-testid=sub-score][data-key=efficiency]').getByText('服务效率').waitFor();
    assert.equal(await tablet.getByTestId('sub-score').count(), 4);
    await page.screenshot({ path: screenshotPath('ratings-09-evaluator') });
    await tablet.getByTestId('rating-submit').click();
    await page.getByTestId('evaluator-thanks').getByText('感谢您的评价！').waitFor();
    await page.screenshot({ path: screenshotPath('ratings-10-evaluator-thanks') });
    // Nothing else handled at the window: the tablet waits for the next case.
    await page.getByTestId('evaluator-waiting').getByText('请稍候，办理完成后即可评价').waitFor();

    // The applicant's case page shows both ratings with where they were given.
    await openCase(phone, caseId);
    const accepted = phone.locator(
      '[data-testid=case-rating][data-stage=accepted] [data-testid=given-rating]',
    );
    await accepted
      .getByTestId('given-level')
      .filter({ hasText: /^满意$/ })
      .waitFor();
    await accepted.getByText('短信评价').waitFor();
    const concluded = phone.locator(
      '[data-testid=case-rating][data-stage=concluded] [data-testid=given-rating]',
    );
    await concluded
      .getByTestId('given-level')
      .filter({ hasText: /^非常满意$/ })
      .waitFor();
    await concluded.getByText('窗口评价器').waitFor();
    await concluded.getByText('服务态度').waitFor();
    await phone.screenshot({ path: screenshotPath('ratings-11-phone-both'), fullPage: true });
  } finally {
    await phone.close();
  }
});

test('the department asks the supervisor to review a malicious 差评; the supervisor voids it and the applicant sees so', async () => {
  const { page } = session;
  const { company, caseId, caseNo } = await concludedFoodLicenceCase();
  const rated = await call(company, 'POST', `/api/ratings/cases/${caseId}`, {
    stage: 'accepted',
    level: 1,
    subScores: { overall: 1, efficiency: 1, guideAccuracy: 1, convenience: 1, usability: 1 },
    problems: ['other'],
    comment: '随便打的',
  });
  assert.equal(rated.status, 201, JSON.stringify(rated.body));

  await signInStaff('reviewer');
  await page.getByRole('menuitem', { name: /差评整改/ }).click();
  const row = page.locator(`[data-testid=revisit][data-case-no="${caseNo}"]`);
  await row.getByText('随便打的').waitFor();
  await row.getByTestId('revisit-request').click();
  await page.locator('[data-testid=revisit-request-dialog][data-opened=true]').waitFor();
  await page.getByTestId('revisit-request-reason').fill('申请人来电说明为误操作，材料一次性齐全、当日受理');
  await page.getByTestId('revisit-request-confirm').click();
  await page.getByTestId('revisit-request-dialog').waitFor({ state: 'detached' });
  await row.getByTestId('revisit-review').filter({ hasText: '复核中' }).waitFor();

  await signInStaff('supervisor');
  await page.getByRole('menuitem', { name: /差评整改/ }).click();
  // A supervisor opens on the review requests.
  await row.getByText('申请人来电说明为误操作，材料一次性齐全、当日受理').waitFor();
  await page.screenshot({ path: screenshotPath('ratings-12-review-request'), fullPage: true });
  await row.getByTestId('revisit-uphold').click();
  await page.locator('[data-testid=revisit-uphold-dialog][data-opened=true]').waitFor();
  await page.getByTestId('revisit-uphold-reason').fill('经核实受理当日办结，差评与事实不符，予以撤销');
  await page.getByTestId('revisit-uphold-confirm').click();
  await page.getByTestId('revisit-uphold-dialog').waitFor({ state: 'detached' });
  // Decided, it leaves the requests.
  await row.waitFor({ state: 'detached' });

  await signInCompany();
  await page.goto(url(`/my/cases/${caseId}`));
  await page
    .locator('[data-testid=case-rating][data-stage=accepted] [data-testid=given-rating][data-status=voided]')
    .getByText('该评价经复核已撤销')
    .waitFor();
});
