import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { pdfText, savePagePng } from '../server/testing/pdf.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { expectFiled } from './support/forms.ts';
import { COMPANY_NAME, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany, signInStaff } = session;
const { foodLicence, upload, expectStatus, act, openStaffCase } = caseSteps(session);

/** The case the phone journey files, read on by the reviewer and concluded in the next test. */
let filedOnThePhone: { id: string; caseNo: string; premises: string; licenceAddress: string } | undefined;

const PHONE = { width: 390, height: 844 };

/** Human speed: a key every 120 ms, a moment to read each field before answering it. */
const KEY_DELAY_MS = 120;
const READ_MS = 800;

async function typeLikeAPerson(input: Locator, text: string) {
  await input.page().waitForTimeout(READ_MS);
  await input.click();
  await input.press('ControlOrMeta+A');
  await input.pressSequentially(text, { delay: KEY_DELAY_MS });
}

async function choose(scope: Locator, label: string) {
  await scope.page().waitForTimeout(READ_MS);
  await scope.getByText(label, { exact: true }).click();
}

const field = (page: Page, path: string) => page.locator(`[data-testid=form-field][data-path="${path}"]`);

/** The step shown on a phone: its number in the header (第 2 步，共 6 步). */
async function openStep(page: Page, title: string) {
  await page.locator('[data-testid=form-section] .ant-card-head-title', { hasText: title }).waitFor();
}

async function noWiderThanThePhone(page: Page) {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(Number(overflow) <= 1, `the page is ${overflow}px wider than the phone`);
}

async function next(page: Page) {
  await page.getByTestId('form-next').click();
}

test('issue 15, browser test 1: the company applies for 食品经营许可 on a phone — most fields filled in from its data, a few typed, one corrected, the draft resumed after a reload', async () => {
  const { browser } = session;
  const matter = await foodLicence();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  try {
    await page.setViewportSize(PHONE);
    await signInCompany(page);
    const started = Date.now();
    await page.goto(url(`/apply/${matter.id}`));
    const form = page.getByTestId('application-form');
    await form.waitFor();
    const summary = await page.getByTestId('form-prefilled').textContent();
    const [, prefilled] = /自动填写 (\d+) 项/.exec(summary ?? '') ?? [];
    assert.ok(Number(prefilled) >= 10, `prefilled: ${summary}`);
    await page
      .getByTestId('form-step')
      .getByText(/第 1 步，共 \d+ 步/)
      .waitFor();
    await noWiderThanThePhone(page);
    await page.screenshot({ path: screenshotPath('forms-01-phone-prefilled') });

    // 申请人基本情况: as the 营业执照 and the 法人库 give it, locked.
    await openStep(page, '申请人基本情况');
    const name = field(page, 'entityName');
    await name.getByTestId('field-readonly').getByText(COMPANY_NAME).waitFor();
    await name.getByTestId('field-source').getByText(/来自 /).waitFor();
    assert.equal(await field(page, 'creditCode').getByTestId('field-readonly').count(), 1);
    await next(page);

    // 经营场所: offered from the licence's 住所; the shop is on another floor, so it is corrected.
    await openStep(page, '经营场所');
    const premises = field(page, 'premises');
    await premises.getByTestId('field-source').waitFor();
    const address = await premises.locator('textarea').inputValue();
    assert.ok(address.length > 5, 'the premises come from the licence');
    const corrected = `${address}一层东侧商铺`;
    await typeLikeAPerson(premises.locator('textarea'), corrected);
    const note = premises.getByTestId('field-corrected');
    await note.getByText('已修改').waitFor();
    await note.getByTestId('field-source-value').getByText(`原值：${address}`).waitFor();
    await page.screenshot({ path: screenshotPath('forms-02-phone-corrected') });
    await next(page);

    // 主体业态和经营项目: two choices the data cannot know.
    await openStep(page, '主体业态和经营项目');
    await choose(field(page, 'category'), '餐饮服务经营者');
    await choose(field(page, 'scope'), '热食类食品制售');
    await choose(field(page, 'scope'), '冷食类食品制售（不含烧卤熟肉）');
    await next(page);

    // 食品安全管理人员: leaving the step without one shows the problem under the table.
    await openStep(page, '食品安全管理人员');
    await next(page);
    await field(page, 'managers').getByTestId('field-error').getByText('请填写食品安全管理人员').waitFor();
    await field(page, 'managers').getByTestId('form-row-add').click();
    await typeLikeAPerson(field(page, 'managers.0.name').locator('input'), '林海峰');
    await typeLikeAPerson(field(page, 'managers.0.idNumber').locator('input'), '610102198506120033');
    await field(page, 'managers.0.phone').locator('input').fill('13800138000');
    await field(page, 'managers.0.name').click();
    await page.screenshot({ path: screenshotPath('forms-03-phone-table') });
    await next(page);

    await openStep(page, '联系方式');
    await field(page, 'contactPhone').getByTestId('field-source').waitFor();
    await next(page);
    await openStep(page, '申请人承诺');
    // The draft is saved as one types; a reload (or another device) resumes it.
    const saved = page.waitForResponse(
      (r) =>
        r.request().method() === 'PUT' &&
        r.url().includes('/api/cases/drafts/') &&
        (r.request().postData() ?? '').includes('"promise"'),
    );
    await choose(field(page, 'promise'), '本人（本单位）已阅读并作出以上承诺');
    assert.equal((await saved).status(), 200);
    await page
      .getByTestId('draft-note')
      .getByText(/草稿已保存/)
      .waitFor();
    await page.reload();
    await page.getByTestId('draft-resumed').waitFor();
    await page.screenshot({ path: screenshotPath('forms-04-phone-resumed') });
    for (let i = 0; i < 3; i++) await next(page);
    await openStep(page, '食品安全管理人员');
    assert.equal(await field(page, 'managers.0.name').locator('input').inputValue(), '林海峰');
    await page.getByTestId('form-previous').click();
    await page.getByTestId('form-previous').click();
    await openStep(page, '经营场所');
    assert.equal(await field(page, 'premises').locator('textarea').inputValue(), corrected);
    await field(page, 'premises').getByTestId('field-corrected').waitFor();

    // The materials the form does not stand for, then submit.
    assert.equal(
      await page.locator('[data-testid=material-row][data-key=sqs]').count(),
      0,
      'the form is the 申请书',
    );
    await upload(page, '[data-testid=apply-page]', 'bj', '设备布局与操作流程.pdf');
    await page.getByTestId('apply-submit').click();
    await expectFiled(page.getByTestId('my-case-page'));
    await expectStatus(page, 'submitted');
    // The applicant's case page shows the form as filed, the correction beside the licence's address.
    const view = page.getByTestId('form-view');
    await view
      .locator('[data-testid=form-view-field][data-key=premises][data-corrected=true]')
      .getByText(corrected)
      .waitFor();
    await view.locator('[data-testid=form-view-field][data-key=entityName][data-prefilled=true]').waitFor();
    await noWiderThanThePhone(page);
    const elapsed = Math.round((Date.now() - started) / 1000);
    await page.screenshot({ path: screenshotPath('forms-05-phone-filed'), fullPage: true });
    // The case keeps the prefill rate: fields holding the value the data gave ÷ fields filled.
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
    const filed = (await (await page.request.get(url(`/api/cases/${caseId}`))).json()) as {
      form: { filled: number; prefilled: number; sources: Record<string, { corrected: boolean }> };
    };
    assert.equal(filed.form.sources.premises?.corrected, true, 'the correction is kept beside its source');
    const rate = filed.form.prefilled / filed.form.filled;
    console.log(
      `[e2e] 食品经营许可 on a phone: ${filed.form.prefilled} of ${filed.form.filled} filled fields as the data gave them (${Math.round(rate * 100)} %), 1 corrected; typed by hand: the premises and a manager's name, ID number and phone; chosen: 主体业态, 2 经营项目, the promise; completed in ${elapsed} s at human speed`,
    );
    assert.ok(rate >= 0.6, `prefill rate ${rate}`);
    filedOnThePhone = { id: caseId, caseNo, premises: corrected, licenceAddress: address };
  } finally {
    await page.close();
    await session.page.bringToFront();
  }
});

/** What the 食品经营许可证 prints from the form the phone journey filed (the region is 新城区's). */
const licenceFields = (premises: string): [string, string][] => [
  ['经营场所', premises],
  ['主体业态', '餐饮服务经营者'],
  ['经营项目', '热食类食品制售、冷食类食品制售（不含烧卤熟肉）'],
  ['日常监督管理机构', '西安市市场监督管理局新城分局'],
];

type FiledForm = {
  form: { prefilled: number; sources: Record<string, { source: string; label: string; corrected: boolean }> };
};

test("issue 15, browser test 1, continued: the reviewer reads the form as filed, each prefilled field with its source and the corrected premises beside the licence's; concluded, the 食品经营许可证 prints every field", async () => {
  assert.ok(filedOnThePhone, 'the phone journey filed its case');
  const { id, caseNo, premises, licenceAddress } = filedOnThePhone;
  const { page, browser } = session;

  // The reviewer of the city bureau (and of the 新城区 centre) finds it in the review queue.
  await signInStaff('reviewer');
  await page.getByTestId('workbench-menu').getByText('审核队列').click();
  await page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) })
    .getByTestId('awaiting-acceptance')
    .waitFor();
  await openStaffCase(caseNo, 'review-queue');
  await expectStatus(page, 'submitted');

  // The form as filed: each field the data gave names its source, as the case keeps it.
  const form = page.getByTestId('case-form');
  const shown = (key: string) => form.locator(`[data-testid=form-view-field][data-key=${key}]`);
  const filed = ((await (await page.request.get(url(`/api/cases/${id}`))).json()) as FiledForm).form;
  const kept = Object.entries(filed.sources).filter(([, s]) => !s.corrected);
  assert.equal(kept.length, filed.prefilled, 'every field counted as prefilled keeps its source');
  assert.ok(kept.length >= 8, `${kept.length} fields kept as the data gave them`);
  for (const [key, source] of kept) {
    await shown(key)
      .and(form.locator('[data-prefilled=true][data-corrected=false]'))
      .getByTestId('field-source')
      .getByText(`来自 ${source.label}`, { exact: true })
      .waitFor();
  }
  await shown('entityName').getByText(COMPANY_NAME).waitFor();
  await shown('entityName')
    .getByTestId('field-source')
    .getByText(/来自 营业执照（证照编号 YYZZ\d+）/)
    .waitFor();
  await form
    .locator('[data-testid=field-source][data-source=legal_entity]')
    .getByText('来自 法人库')
    .first()
    .waitFor();
  // The premises as the company corrected them, the licence's 住所 beside them.
  const corrected = shown('premises').and(form.locator('[data-corrected=true]'));
  await corrected.getByText(premises, { exact: true }).waitFor();
  await corrected.getByTestId('field-corrected').getByText('已修改').waitFor();
  await corrected.getByTestId('field-source-value').getByText(`原值：${licenceAddress}`).waitFor();
  // What the company chose and typed stands without a source.
  await shown('category').and(form.locator('[data-prefilled=false]')).getByText('餐饮服务经营者').waitFor();
  await shown('managers').and(form.locator('[data-prefilled=false]')).getByText('林海峰').waitFor();
  await page.screenshot({ path: screenshotPath('forms-07-reviewer-case'), fullPage: true });
  await form.screenshot({ path: screenshotPath('forms-08-reviewer-form') });

  await act('accept');
  await expectStatus(page, 'accepted');
  await act('start_review');
  await expectStatus(page, 'in_review');
  await act('approve');
  await expectStatus(page, 'approved');
  await act('conclude');
  await expectStatus(page, 'concluded');

  // The company finds the licence in 我的证照 on its phone, every field printed.
  const phone = await browser.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize(PHONE);
    await signInCompany(phone);
    const wallet = (await (await phone.request.get(url('/api/me/certificates'))).json()) as {
      items: { caseId: string | null; number: string }[];
    };
    const issued = wallet.items.find((c) => c.caseId === id);
    assert.ok(issued, 'the concluded case issued the licence to the company');
    await phone.getByTestId('my-certificates').getByRole('link').click();
    await phone.waitForURL('**/my/certificates');
    const card = phone.locator(`[data-testid=certificate-card][data-number="${issued.number}"]`);
    await card.getByText('食品经营许可证').waitFor();
    await card.getByText(/^证照信息（共 \d+ 项信息）$/).click();
    // Read once the panel has opened (its values fade in).
    await card.locator('.ant-collapse-panel-active:not([class*="-enter"]):not([class*="-appear"])').waitFor();
    const printed = (label: string) =>
      card
        .locator('.verify-fact', { has: phone.locator('dt').getByText(label, { exact: true }) })
        .locator('dd');
    for (const [label, value] of licenceFields(premises)) {
      await printed(label).getByText(value, { exact: true }).waitFor();
    }
    const values = (await card.locator('.verify-fact dd').allTextContents()).map((v) => v.trim());
    assert.ok(values.length > 8, `the card shows ${values.length} facts`);
    assert.ok(!values.includes('—'), `no field left empty: ${values.join(' | ')}`);
    await noWiderThanThePhone(phone);
    await phone.screenshot({ path: screenshotPath('forms-09-licence-wallet'), fullPage: true });

    // Its PDF prints them too, and nothing as "—".
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      card.getByTestId('certificate-pdf').click(),
    ]);
    const pdfPath = screenshotPath('forms-10-licence').replace(/\.png$/, '.pdf');
    await download.saveAs(pdfPath);
    const text = pdfText(readFileSync(pdfPath));
    for (const [label, value] of licenceFields(premises)) {
      assert.ok(text.includes(label), `the PDF prints ${label}`);
      assert.ok(text.includes(value.replace(/\s+/g, '')), `the PDF prints ${label}: ${value}\n${text}`);
    }
    assert.ok(!text.includes('—'), `no field printed as "—":\n${text}`);
    savePagePng(pdfPath);
  } finally {
    await phone.close();
    await page.bringToFront();
  }
});
