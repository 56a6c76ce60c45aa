import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, signOut } = session;
const { foodLicence, chooseFoodLicence, submitWalkIn, expectStatus, expectMenu, act, openStaffCase } =
  caseSteps(session);

/** A walk-in person nobody has registered online: the agent's case creates the account. */
const PERSON = '610102198503150026';
const NAME = '王建国';
const PHONE = '13912340088';

/** The code in the latest SMS to the phone, as the SMS sandbox recorded it. */
async function smsCode(phone: string): Promise<string> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: string }>(
      "SELECT body FROM notifications WHERE channel = 'sms' AND address = $1 ORDER BY created_at DESC LIMIT 1",
      [phone],
    );
    const code = /验证码 (\d{6})/.exec(rows[0]?.body ?? '')?.[1];
    assert.ok(code, `an SMS with a code went to ${phone}`);
    return code;
  } finally {
    await client.end();
  }
}

test('an agent at the street centre files a case for a person with consent; the city department accepts it from its review queue; the person claims the walk-in account online and sees the case', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await signInStaff('agent');
  const menu = page.getByTestId('workbench-menu');
  await menu.getByText('我的代办').waitFor();
  assert.equal(await menu.getByText('综合受理').count(), 0, 'the counter is not the agent’s page');

  await menu.getByText('代办申请').click();
  await page.waitForURL('**/workbench/agent/apply');
  const form = page.getByTestId('walk-in-form');
  await form.getByText('自然人', { exact: true }).click();
  await form.getByTestId('walk-in-login').fill(PERSON);
  await form.getByTestId('walk-in-name').fill(NAME);
  await form.getByTestId('walk-in-phone').fill(PHONE);
  const consent = form.getByTestId('consent-fields');
  await consent.getByTestId('consent-signed-by').fill(NAME);
  await consent.getByText('现场签字', { exact: true }).click();
  await consent.getByLabel('备注').fill('委托人到街道便民服务中心现场签字');
  // The form is the 申请书: the agent fills it in with the applicant (her data fills what it can).
  await chooseFoodLicence(matter);
  await page.screenshot({ path: screenshotPath('agent-01-apply'), fullPage: true });
  await submitWalkIn(matter);
  await expectMenu('我的代办');
  const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
  assert.match(caseNo, /^610100-\d{8}-\d{6}$/);
  const facts = page.getByTestId('case-facts');
  await facts.getByText('帮办代办').waitFor();
  await facts.getByTestId('case-applicant').getByText(NAME).waitFor();
  await facts.getByText('610102********0026').waitFor();
  const shown = page.getByTestId('case-consent');
  assert.equal(await shown.getByTestId('consent-signed-by').textContent(), NAME);
  assert.equal(await shown.getByTestId('consent-method').textContent(), '现场签字');
  await shown.getByText('委托人到街道便民服务中心现场签字').waitFor();
  await shown.getByText('周小梅').waitFor();
  await page.screenshot({ path: screenshotPath('agent-02-case'), fullPage: true });

  await menu.getByText('我的代办').click();
  await page.waitForURL('**/workbench/agent/cases');
  await page.getByTestId('agent-cases').getByRole('link', { name: caseNo }).waitFor();
  assert.equal(await page.getByTestId('agent-cases').getByTestId('case-link').count(), 1);
  await page.screenshot({ path: screenshotPath('agent-03-my-agent-cases'), fullPage: true });

  // The city's 市场监管局 finds the application in its review queue, awaiting 受理, and accepts it.
  await signInStaff('reviewer');
  await menu.getByText('审核队列').click();
  const queued = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await queued.getByTestId('awaiting-acceptance').getByText('待受理').waitFor();
  await queued.getByText(NAME).waitFor();
  await page.screenshot({ path: screenshotPath('agent-04-review-queue'), fullPage: true });
  await openStaffCase(caseNo, 'review-queue');
  await act('accept');
  await expectStatus(page, 'accepted');
  await signOut();

  // The person registers online: the number was registered by the agent, so the page offers the claim.
  await page.goto(url('/register?as=person'));
  await page.getByLabel('居民身份证号码').fill(PERSON);
  await page.getByLabel('姓名').fill('王建国');
  await page.getByLabel('密码', { exact: true }).fill('wang-jianguo-2026');
  await page.getByLabel('确认密码').fill('wang-jianguo-2026');
  await page.locator('button[type=submit]', { hasText: /注\s*册/ }).click();
  const claim = page.getByTestId('claim-account');
  await claim.getByText(/已在政务服务窗口登记/).waitFor();
  await claim.getByTestId('claim-name').fill('王 建国');
  await claim.getByTestId('claim-send').click();
  await claim.getByTestId('claim-sent').getByText('139****0088').waitFor();
  await claim
    .getByTestId('claim-code')
    .fill(String((Number(await smsCode(PHONE)) + 1) % 1_000_000).padStart(6, '0'));
  await claim.getByTestId('claim-submit').click();
  await claim.getByText('验证码不正确，还可尝试 4 次').waitFor();
  await page.screenshot({ path: screenshotPath('agent-05-claim'), fullPage: true });
  await claim.getByTestId('claim-code').fill(await smsCode(PHONE));
  await claim.getByTestId('claim-submit').click();

  await page.waitForURL('**/my');
  const mine = page.locator(`[data-testid=my-case][data-case-no="${caseNo}"]`);
  await mine.getByTestId('my-case-no').waitFor();
  assert.equal(await page.getByTestId('my-case').count(), 1);
  await page.screenshot({ path: screenshotPath('agent-06-my-cases'), fullPage: true });
});
