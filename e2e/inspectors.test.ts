import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { buildIdNumber } from '../server/testing/factory-values.ts';
import { screenshotPath } from './support/browser.ts';
import { choose, formItem } from './support/select.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff, url } = session;

const ID_NUMBER = buildIdNumber('610102');
const NAME = '赵明远';
const PASSWORD = 'zhao-mingyuan-2026';
const MATTER = '企业设立登记';
const DEPARTMENT = '西安市市场监督管理局';
const FINDING_TITLE = '办事指南中的咨询电话无法接通';
const FINDING_TEXT = '按指南上“咨询方式”所列电话拨打三次均为空号，无法咨询住所证明的要求。';
const RECTIFICATION = '已更正指南中的咨询电话为 029-12345678，并安排专人接听，每周抽查指南联系方式。';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

/** A small real PNG (a blue square with a red band), as a phone screenshot would be. */
function screenshotPng(size = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++)
      rows.push(...(y > size / 3 && y < size / 2 ? [220, 40, 40] : [30, 110, 230]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signInInspector(page: Page) {
  await session.browser.context.clearCookies();
  await page.goto(url('/login?as=person'));
  const form = page.getByTestId('sign-in-person');
  await form.getByLabel('居民身份证号码').fill(ID_NUMBER);
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/my');
}

async function openMenu(page: Page, name: RegExp, path: string) {
  await page.getByRole('menuitem', { name }).click();
  await page.waitForURL(`**${path}`);
}

/** Whether the page is no wider than the phone's screen. */
const fitsWidth = async (page: Page) =>
  ((await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number) <= 0;

test('issue 17 browser test 3: a 体验官 reports a fault in a guide; it is fixed and confirmed', async () => {
  const { page } = session;

  // A citizen registers and applies to be a 体验官 of 新城区.
  await page.goto(url('/register?as=person'));
  await page.getByLabel('居民身份证号码').fill(ID_NUMBER);
  await page.getByLabel('姓名').fill(NAME);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.locator('button[type=submit]', { hasText: /注\s*册/ }).click();
  await page.waitForURL('**/my');
  await page.getByTestId('my-inspector-card').getByTestId('my-inspector-link').click();
  await page.waitForURL('**/inspectors');
  const apply = page.getByTestId('inspector-apply-form');
  await choose(page, formItem(apply, '体验区域'), '新城区', /610102/);
  assert.equal(await apply.getByTestId('apply-name').inputValue(), NAME);
  await apply.getByTestId('apply-phone').fill('13991234567');
  await apply.getByTestId('apply-occupation').fill('小微企业财务');
  await apply.getByTestId('apply-motivation').fill('经常替公司跑办事大厅，希望帮助改进办事体验。');
  await apply.getByTestId('apply-submit').click();
  const application = page.getByTestId('inspector-application');
  await application
    .locator('[data-testid=inspector-status][data-status=pending]')
    .getByText('待审核')
    .waitFor();

  // The supervisor approves the application and gives the new 体验官 a task on a published matter.
  await signInStaff('supervisor');
  await openMenu(page, /体验官管理/, '/workbench/inspectors');
  const pending = page.getByTestId('inspector-row').filter({ hasText: NAME });
  await pending.getByText('139****4567').waitFor();
  await page.screenshot({ path: screenshotPath('inspectors-01-applications'), fullPage: true });
  await pending.getByTestId('inspector-approve').click();
  await pending.waitFor({ state: 'detached' });
  await page.locator('.ant-segmented-item').filter({ hasText: '已通过' }).click();
  const approved = page
    .locator('[data-testid=inspector-row][data-status=approved]')
    .filter({ hasText: NAME });
  await approved.getByTestId('inspector-task').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: `派发任务 · ${NAME}` });
  await choose(page, formItem(dialog, '体验事项'), MATTER, new RegExp(`^${MATTER}`));
  assert.equal(await dialog.getByTestId('task-title').inputValue(), `体验“${MATTER}”`);
  await dialog
    .getByTestId('task-instructions')
    .fill('通过网上办理体验企业设立登记，重点核对办事指南的材料和联系方式。');
  await page.screenshot({ path: screenshotPath('inspectors-02-task') });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.ant-message').getByText('任务已派发').waitFor();
  await page.getByRole('tab', { name: '体验任务' }).click();
  await page.getByTestId('task-row').filter({ hasText: NAME }).getByText(`体验“${MATTER}”`).waitFor();

  // On a phone, the 体验官 opens the task's guide and reports a fault in it with a screenshot.
  await page.setViewportSize(PHONE);
  await signInInspector(page);
  await page
    .getByTestId('my-inspector-card')
    .locator('[data-testid=inspector-status]')
    .getByText('已通过')
    .waitFor();
  await page.getByTestId('my-inspector-link').click();
  await page.waitForURL('**/my/inspector');
  const task = page.locator('[data-testid=my-task][data-status=open]').filter({ hasText: MATTER });
  await task.getByTestId('task-try').click();
  await page.getByTestId('guide-title').getByText(MATTER).waitFor();
  await page.getByTestId('guide-inspector-report').click();
  await page.waitForURL('**/my/inspector/report?task=*');
  const form = page.getByTestId('finding-form');
  await page.getByText(`来自任务：体验“${MATTER}”`).waitFor();
  await formItem(form, '问题类别').getByText('办事指南').waitFor();
  await formItem(form, '相关事项（选填）').getByText(MATTER).waitFor();
  await form.getByTestId('finding-title').fill(FINDING_TITLE);
  await form.getByTestId('finding-description').fill(FINDING_TEXT);
  await page
    .getByTestId('screenshot-input')
    .setInputFiles({ name: '指南截图.png', mimeType: 'image/png', buffer: screenshotPng() });
  await form.locator('[data-testid=picked-screenshot][data-stored=true] img').waitFor();
  assert.ok(await fitsWidth(page), 'the report form fits the phone');
  await page.screenshot({ path: screenshotPath('inspectors-03-report-phone'), fullPage: true });
  await form.getByTestId('finding-submit').click();
  await page.waitForURL('**/my/inspector/findings/*');
  const detail = page.getByTestId('finding-detail');
  await detail.locator('[data-testid=finding-status][data-status=submitted]').getByText('待分派').waitFor();
  const findingNo = (await detail.getByTestId('finding-no').textContent()) ?? '';
  assert.match(findingNo, /^TY\d{8}\d{4}$/);
  await detail.locator('[data-testid=finding-event][data-kind=submitted]').waitFor();

  // The supervisor sees the screenshot and assigns the finding to the 市场监管局.
  await page.setViewportSize(DESKTOP);
  await signInStaff('supervisor');
  await openMenu(page, /找茬问题/, '/workbench/inspector-findings');
  const row = page.locator(`[data-testid=finding-row][data-no="${findingNo}"]`);
  await row.getByText(FINDING_TITLE).waitFor();
  await row.getByTestId('finding-open').click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: findingNo });
  await drawer.getByText(FINDING_TEXT).waitFor();
  const shot = drawer.locator('[data-testid=finding-screenshots] img').first();
  await shot.waitFor();
  type Img = { decode(): Promise<void>; naturalWidth: number };
  const width = await shot.evaluate((img) =>
    (img as unknown as Img).decode().then(() => (img as unknown as Img).naturalWidth),
  );
  assert.equal(width, 48, 'the screenshot is shown at its size');
  await page.screenshot({ path: screenshotPath('inspectors-04-finding'), fullPage: true });
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  await row.getByTestId('finding-assign').click();
  await page.locator('[data-testid=finding-assign-dialog][data-opened=true]').waitFor();
  const assign = page.getByTestId('finding-assign-dialog');
  await choose(page, formItem(assign, '整改部门'), '市场监督', new RegExp(`^${DEPARTMENT}$`));
  await page.getByTestId('finding-assign-confirm').click();
  await page.locator('.ant-message').getByText('已分派').waitFor();
  await row.waitFor({ state: 'detached' });

  // The 市场监管局's head records the rectification.
  await signInStaff('head');
  await openMenu(page, /找茬整改/, '/workbench/inspector-rectify');
  const assigned = page.locator(`[data-testid=finding-row][data-no="${findingNo}"][data-status=assigned]`);
  await assigned.getByText(DEPARTMENT).waitFor();
  await assigned.getByTestId('finding-rectify').click();
  await page.locator('[data-testid=finding-rectify-dialog][data-opened=true]').waitFor();
  await page.getByTestId('finding-rectify-reason').fill(RECTIFICATION);
  await page.getByTestId('finding-rectify-confirm').click();
  await page.getByTestId('finding-rectify-dialog').waitFor({ state: 'detached' });
  await assigned.waitFor({ state: 'detached' });

  // The 体验官 reads the rectification on the phone and confirms it.
  await page.setViewportSize(PHONE);
  await signInInspector(page);
  await page.goto(url('/my/inspector'));
  const mine = page.locator(`[data-testid=my-finding][data-no="${findingNo}"][data-status=rectified]`);
  await mine.getByText('部门已整改，请确认').waitFor();
  await mine.getByTestId('my-finding-link').click();
  await detail.getByTestId('finding-rectification').getByText(RECTIFICATION).waitFor();
  await detail.getByTestId('finding-department').getByText(DEPARTMENT).waitFor();
  assert.ok(await fitsWidth(page), 'the finding fits the phone');
  await page.screenshot({ path: screenshotPath('inspectors-05-confirm-phone'), fullPage: true });
  await page.getByTestId('confirm-accept').click();
  await page.locator('[data-testid=finding-detail][data-status=closed]').waitFor();
  await detail.locator('[data-testid=finding-event][data-kind=closed]').getByText('确认办结并公开').waitFor();

  // The closed finding is published without the 体验官's name.
  await session.browser.context.clearCookies();
  await page.goto(url('/inspectors/findings'));
  const published = page.locator(`[data-testid=published-finding][data-no="${findingNo}"]`);
  await published.getByText(FINDING_TITLE).waitFor();
  assert.equal(await published.getByTestId('published-department').textContent(), DEPARTMENT);
  assert.equal(await published.getByTestId('published-rectification').textContent(), RECTIFICATION);
  assert.equal(await published.getByTestId('published-inspector').textContent(), '赵**');
  assert.equal(await published.getByText(NAME).count(), 0);
  assert.ok(await fitsWidth(page), 'the publication fits the phone');
  await page.screenshot({ path: screenshotPath('inspectors-06-published-phone'), fullPage: true });
});

/** Chooses an option of a form item's Ant Design select without search. */
async function pick(page: Page, item: Locator, option: string) {
  await item.locator('.ant-select').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

test('a 体验官 finds a rectification does not solve the fault: it goes back to the department with the note', async () => {
  const { page } = session;
  const title = '窗口仍要求填写纸质申请表';
  const note = '今天再去窗口办理，仍被要求手工填写纸质申请表，问题没有解决。';

  // The demo 体验官 李秀兰 reports a fault met at a window, without a task.
  await page.setViewportSize(PHONE);
  await session.signInPerson();
  await page.getByTestId('my-inspector-link').click();
  await page.getByTestId('inspector-report').click();
  const form = page.getByTestId('finding-form');
  await pick(page, formItem(form, '问题类别'), '申请表单');
  await pick(page, formItem(form, '办理渠道'), '窗口办理');
  await form.getByTestId('finding-title').fill(title);
  await form
    .getByTestId('finding-description')
    .fill('网上已提交电子申请表，窗口仍要求重新手工填写纸质申请表。');
  await form.getByTestId('finding-submit').click();
  const detail = page.getByTestId('finding-detail');
  await detail.locator('[data-testid=finding-status][data-status=submitted]').waitFor();
  const findingNo = (await detail.getByTestId('finding-no').textContent()) ?? '';
  await detail.getByText('无截图').waitFor();

  // Assigned to the 市场监管局, which reports a rectification.
  await page.setViewportSize(DESKTOP);
  await signInStaff('supervisor');
  await openMenu(page, /找茬问题/, '/workbench/inspector-findings');
  await page
    .locator(`[data-testid=finding-row][data-no="${findingNo}"]`)
    .getByTestId('finding-assign')
    .click();
  await page.locator('[data-testid=finding-assign-dialog][data-opened=true]').waitFor();
  await choose(page, formItem(page.getByTestId('finding-assign-dialog'), '整改部门'), '市场监督', DEPARTMENT);
  await page.getByTestId('finding-assign-confirm').click();
  await page.locator('.ant-message').getByText('已分派').waitFor();
  await signInStaff('head');
  await openMenu(page, /找茬整改/, '/workbench/inspector-rectify');
  const inbox = page.locator(`[data-testid=finding-row][data-no="${findingNo}"]`);
  await inbox.getByTestId('finding-rectify').click();
  await page.locator('[data-testid=finding-rectify-dialog][data-opened=true]').waitFor();
  await page.getByTestId('finding-rectify-reason').fill('已通知窗口人员网上已提交的申请表不再要求重复填写。');
  await page.getByTestId('finding-rectify-confirm').click();
  await inbox.waitFor({ state: 'detached' });

  // The 体验官 says it is not solved, with a note: the department has it again.
  await page.setViewportSize(PHONE);
  await session.signInPerson();
  await page.goto(url('/my/inspector'));
  await page
    .locator(`[data-testid=my-finding][data-no="${findingNo}"]`)
    .getByTestId('my-finding-link')
    .click();
  await page.getByTestId('confirm-unresolved').click();
  await page.locator('[data-testid=finding-unresolved-dialog][data-opened=true]').waitFor();
  await page.getByTestId('finding-unresolved-confirm').click();
  await page
    .getByTestId('finding-unresolved-dialog')
    .getByText('请说明仍存在的问题', { exact: true })
    .waitFor();
  await page.getByTestId('finding-unresolved-reason').fill(note);
  await page.getByTestId('finding-unresolved-confirm').click();
  await page.getByTestId('finding-unresolved-dialog').waitFor({ state: 'detached' });
  await page.locator('[data-testid=finding-detail][data-status=assigned]').waitFor();
  const reopened = detail.locator('[data-testid=finding-event][data-kind=reopened]');
  await reopened.getByText('确认未整改到位，退回重新整改').waitFor();
  await reopened.getByText(note).waitFor();
  assert.equal(await page.getByTestId('finding-confirm').count(), 0);

  await page.setViewportSize(DESKTOP);
  await signInStaff('head');
  await openMenu(page, /找茬整改/, '/workbench/inspector-rectify');
  await page
    .locator(`[data-testid=finding-row][data-no="${findingNo}"][data-status=assigned]`)
    .getByTestId('finding-rectify')
    .waitFor();
});
