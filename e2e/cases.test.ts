import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, checkBrowserPrerequisites, launchBrowser, screenshotPath } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;

const COMPANY = '91350100M000100Y43';
const COMPANY_NAME = '福州闽江数字科技有限公司';
/** A tiny file the server takes for a PDF (the type is read from the content). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

before(async () => {
  checkBrowserPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const url = (path: string) => `${server!.url}${path}`;

async function signInStaff(username: string) {
  await browser!.context.clearCookies();
  // A page in the background has its animation frames throttled: the modals then open slowly.
  await page.bringToFront();
  await page.goto(url('/login?as=staff'));
  const form = page.getByTestId('sign-in-staff');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill('demo1234');
  await form.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/workbench');
}

async function signInCompany(target: Page = page) {
  await browser!.context.clearCookies();
  await target.bringToFront();
  await target.goto(url('/login?as=company'));
  const form = target.getByTestId('sign-in-company');
  await form.getByLabel('统一社会信用代码').fill(COMPANY);
  await form.getByLabel('密码').fill('demo1234');
  await form.getByRole('button', { name: /登\s*录/ }).click();
  await target.waitForURL('**/my');
}

/** The city-level 食品经营许可, whose department is the demo reviewer's. */
async function foodLicence(): Promise<{ id: string; label: string }> {
  const response = await fetch(url(`/api/catalogue/search?q=${encodeURIComponent('食品经营许可')}&limit=20`));
  const { items } = (await response.json()) as {
    items: {
      implementationId: string;
      name: string;
      regionCode: string;
      departmentName: string;
      regionName: string;
    }[];
  };
  const found = items.find((m) => m.name === '食品经营许可' && m.regionCode === '610100');
  assert.ok(found, 'the city offers 食品经营许可');
  return {
    id: found.implementationId,
    label: `${found.name} · ${found.departmentName} · ${found.regionName}`,
  };
}

async function upload(target: Page, scope: string, key: string, name: string) {
  const row = target.locator(`${scope} [data-testid=material-row][data-key=${key}]`);
  await row.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await row.getByTestId('material-uploaded').waitFor();
}

async function expectStatus(target: Page, status: string) {
  await target.locator(`[data-testid=case-facts] [data-testid=case-status][data-status=${status}]`).waitFor();
}

/** Opens a staff action, lets `fill` complete its form, and confirms. */
async function act(action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-confirm').waitFor();
  await fill?.();
  await page.getByTestId('action-confirm').click();
}

async function openStaffCase(caseNo: string, list: string) {
  await page.getByTestId(list).getByRole('link', { name: caseNo }).click();
  await page.getByTestId('staff-case-page').waitFor();
}

/** The review queue shows the cases submitted online and awaiting pre-review, tagged 待受理. */
async function openSubmitted(caseNo: string, screenshot?: string) {
  const row = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await row.getByTestId('awaiting-acceptance').getByText('待受理').waitFor();
  await row.getByText('食品经营许可', { exact: true }).waitFor();
  await row.getByText(COMPANY_NAME).waitFor();
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  await openStaffCase(caseNo, 'review-queue');
}

/** The workbench menu entry that is highlighted. */
async function expectMenu(entry: string) {
  await page.locator('[data-testid=workbench-menu] .ant-menu-item-selected', { hasText: entry }).waitFor();
}

/** A walk-in company application for 食品经营许可 at the counter, with every material of its own. */
async function walkIn(matter: { label: string }) {
  await page.getByTestId('workbench-menu').getByText('综合受理').click();
  await page.waitForURL('**/workbench/intake');
  const form = page.getByTestId('walk-in-form');
  await form.getByTestId('walk-in-login').fill(COMPANY);
  await form.getByTestId('walk-in-name').fill(COMPANY_NAME);
  await form.getByTestId('walk-in-phone').fill('059187654321');
  await form.getByRole('combobox').first().fill('食品经营许可');
  await page.locator('.ant-select-item-option', { hasText: matter.label }).click();
  await form.getByTestId('material-picker').waitFor();
  await upload(page, '[data-testid=walk-in-form]', 'sqs', '食品经营许可申请书.pdf');
  await upload(page, '[data-testid=walk-in-form]', 'bj', '设备布局与操作流程.pdf');
  await upload(page, '[data-testid=walk-in-form]', 'zd', '食品安全管理制度.pdf');
  await form.getByTestId('walk-in-submit').click();
  await page.getByTestId('staff-case-page').waitFor();
  await expectStatus(page, 'submitted');
  return (await page.getByTestId('case-no').textContent())?.trim() ?? '';
}

test('journey 1: a walk-in company applies at the counter with one 容缺 material; result held until supplied online; delivered by post; 1 visit', async () => {
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
  // 容缺-allowed: the food-safety rules (zd); e-certificates are not uploaded.
  await form.locator('[data-key=zd] [data-testid=gap-allowed]').waitFor();
  assert.equal(await form.locator('[data-key=yyzz] input[type=file]').count(), 0);
  await upload(page, '[data-testid=walk-in-form]', 'sqs', '食品经营许可申请书.pdf');
  await upload(page, '[data-testid=walk-in-form]', 'bj', '设备布局与操作流程.pdf');
  await form.getByTestId('delivery-post').click();
  await form.getByTestId('delivery-recipient').fill('林海');
  await form.getByTestId('delivery-phone').fill('13800138000');
  await form.getByTestId('delivery-address').fill('陕西省西安市雁塔区科技路 48 号');
  await page.screenshot({ path: screenshotPath('case-01-walk-in'), fullPage: true });
  await form.getByTestId('walk-in-submit').click();

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
  await browser!.context.clearCookies();
  await page.goto(url(`/progress?caseNo=${caseNo}&code=${full.queryCode}`));
  await page.locator('[data-testid=progress-result] [data-status=delivered]').waitFor();
  await page.screenshot({ path: screenshotPath('case-08-progress'), fullPage: true });
});

test('journey 2: an online application on a phone gets a 补正 list of two problems, is resubmitted, accepted, approved and concluded in time', async () => {
  const matter = await foodLicence();
  const phone = await browser!.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    // Not signed in: applying leads to the sign-in page, and back to the application after it.
    await browser!.context.clearCookies();
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
    await upload(phone, '[data-testid=apply-page]', 'sqs', '申请书.pdf');
    await upload(phone, '[data-testid=apply-page]', 'bj', '布局图.pdf');
    await upload(phone, '[data-testid=apply-page]', 'zd', '管理制度.pdf');
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(Number(overflow) <= 1, `the form is ${overflow}px wider than the phone`);
    await phone.screenshot({ path: screenshotPath('case-11-apply-phone'), fullPage: true });
    await phone.getByTestId('apply-submit').click();
    await phone.getByTestId('my-case-page').waitFor();
    await expectStatus(phone, 'submitted');
    const caseNo = (await phone.getByTestId('case-no').textContent())?.trim() ?? '';

    // The department pre-reviews the online case and asks for two corrections at once.
    await signInStaff('reviewer');
    await page.getByTestId('workbench-menu').getByText('审核队列').click();
    await openSubmitted(caseNo, 'case-11b-queue-awaiting-acceptance');
    await act('request_supplement', async () => {
      const problems = page.getByTestId('action-problem');
      await problems.nth(0).locator('.ant-select').click();
      await page.locator('.ant-select-item-option', { hasText: '食品经营许可申请书' }).click();
      await problems.nth(0).locator('textarea').fill('申请书未加盖公章');
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
    await card.getByText('申请书未加盖公章').waitFor();
    await phone.screenshot({ path: screenshotPath('case-13-supplement-phone'), fullPage: true });
    await upload(phone, '[data-testid=supplement-card]', 'sqs', '申请书（盖章）.pdf');
    await phone.getByTestId('resubmit-submit').click();
    await expectStatus(phone, 'submitted');

    // Accepted, reviewed, approved and concluded within the promised limit.
    await signInStaff('reviewer');
    await page.goto(url('/workbench/review'));
    await openSubmitted(caseNo);
    await act('accept');
    await expectStatus(page, 'accepted');
    await act('start_review');
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

test('journey 3: a 告知承诺 case approved on the spot, revoked at verification as false, and the next promise refused with the reason', async () => {
  const matter = await foodLicence();
  const reason = '现场核查发现经营场所与承诺的布局不符，承诺不实';

  // The clerk approves on the company's signed promise, on the spot.
  await signInStaff('clerk');
  const caseNo = await walkIn(matter);
  await expectMenu('综合受理');
  await act('approve_on_promise', () =>
    page.getByTestId('action-promise').fill('本企业承诺经营场所、设备布局与所报材料一致，所填信息真实有效。'),
  );
  await expectStatus(page, 'approved_on_promise');
  await page
    .locator('[data-testid=timeline-event][data-action=approve_on_promise]')
    .getByText('张敏（窗口工作人员）')
    .waitFor();
  await page.screenshot({ path: screenshotPath('case-21-approved-on-promise'), fullPage: true });

  // The department head finds it in the review queue, awaiting verification, and revokes it.
  await signInStaff('head');
  await page.getByTestId('workbench-menu').getByText('审核队列').click();
  const queued = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await queued.getByText('告知承诺准予许可').waitFor();
  await openStaffCase(caseNo, 'review-queue');
  await expectMenu('审核队列');
  await act('revoke', () => page.getByTestId('action-reason').fill(reason));
  await expectStatus(page, 'revoked');
  const revoked = page.locator('[data-testid=timeline-event][data-action=revoke]');
  await revoked.getByText('陈志强（部门负责人）').waitFor();
  await revoked.getByText(reason).waitFor();
  await page.screenshot({ path: screenshotPath('case-22-revoked'), fullPage: true });

  // The same company's next promise is refused at the counter, with the reason on record.
  await signInStaff('clerk');
  await walkIn(matter);
  await act('approve_on_promise', () =>
    page.getByTestId('action-promise').fill('本企业再次承诺所填信息真实有效。'),
  );
  await page
    .getByTestId('action-error')
    .getByText(`申请人因承诺不实被列入失信记录，暂不适用告知承诺：${reason}`)
    .waitFor();
  await page.screenshot({ path: screenshotPath('case-23-promise-barred') });
  await page.keyboard.press('Escape');
  await expectStatus(page, 'submitted');
});
