import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { COMPANY, COMPANY_NAME, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, signInCompany } = session;
const { foodLicence, upload, submitApplication } = caseSteps(session);

test('the company’s application is filled in from its 营业执照 and the population base; it uploads only the rest', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await signInCompany();
  await page.goto(url(`/apply/${matter.id}`));
  await page.getByTestId('apply-page').waitFor();
  const summary = page.getByTestId('prefill-summary');
  await summary.getByText(/已自动获取 2 项材料/).waitFor();

  const licence = page.locator('[data-key=yyzz] [data-testid=material-prefilled]');
  await licence.getByText(/^\s*已从电子证照自动获取：营业执照（证照编号 YYZZ\w+）$/).waitFor();
  assert.equal(await licence.getAttribute('data-source'), 'e_certificate');
  const representative = page.locator('[data-key=fddbr] [data-testid=material-prefilled]');
  await representative.getByText(/人口库：林海峰（法定代表人 610102\*+0033）/).waitFor();
  await page.screenshot({ path: screenshotPath('shared-01-apply-prefilled'), fullPage: true });

  // The form filled in, submitting without the layout names what is still missing, not the prefilled ones.
  await page.getByTestId('apply-phone').fill('059187654321');
  await submitApplication(page.getByTestId('apply-page'), matter.id, page.getByTestId('apply-submit'));
  const error = page.getByTestId('apply-error');
  await error.getByText(/经营布局/).waitFor();
  assert.ok(!(await error.textContent())?.includes('营业执照'));

  await upload(page, '[data-testid=apply-page]', 'bj', '设备布局与操作流程.pdf');
  await page.getByTestId('apply-submit').click();
  await page.waitForURL('**/my/cases/**');
  await page.getByTestId('material-counts').getByText('本件复用材料 2 项、上传材料 1 项').waitFor();
  // The 申请书 is the filled form, as a PDF.
  await page.locator('[data-testid=case-material][data-key=sqs] [data-testid=application-pdf]').waitFor();
  const reused = page.locator('[data-testid=case-material][data-key=yyzz] [data-testid=material-reused]');
  await reused.getByText('电子证照').waitFor();
  await page
    .locator('[data-testid=case-material][data-key=fddbr] [data-testid=material-reused]')
    .getByText('人口库/法人库')
    .waitFor();
  await page.screenshot({ path: screenshotPath('shared-02-case-materials'), fullPage: true });
});

test('the clerk at the counter sees the materials filled in; without 用证授权 the licence comes from the legal-entity base', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await signInStaff('clerk');
  await page.getByTestId('workbench-menu').getByText('综合受理').click();
  const form = page.getByTestId('walk-in-form');
  await form.getByTestId('walk-in-login').fill(COMPANY);
  await form.getByTestId('walk-in-name').fill(COMPANY_NAME);
  await form.getByRole('combobox').first().fill('食品经营许可');
  await page.locator('.ant-select-item-option', { hasText: matter.label }).click();
  const licence = form.locator('[data-key=yyzz] [data-testid=material-prefilled][data-source=registry]');
  await licence.getByText(/^\s*已自动获取 — /).waitFor();
  await form
    .getByTestId('prefill-summary')
    .getByText(/已自动获取 \d+ 项材料/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('shared-05-walk-in-prefilled'), fullPage: true });
});

test('an administrator imports a population base file and sees each bad row named', async () => {
  const { page } = session;
  await signInStaff('admin');
  await page.getByTestId('workbench-menu').getByText('人口库与法人库').click();
  await page.getByTestId('registries-page').waitFor();
  await page.getByTestId('registry-persons').getByText('110105********002X').waitFor();
  const csv = '公民身份号码,姓名,住址\n110105194912310021,张三,西安市新城区\n11010519491231002X,,北京市\n';
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '人口数据.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = page.getByTestId('registry-import-errors');
  await errors.getByText(/不是有效的居民身份证号码/).waitFor();
  await errors.getByText('不能为空').waitFor();
  await page.screenshot({ path: screenshotPath('shared-03-registry-import-errors'), fullPage: true });
});

test('the public statistics show the share of materials no longer submitted (材料减免率)', async () => {
  const { page } = session;
  type Row = {
    implementationId: string;
    cases: number;
    reused: number;
    uploaded: number;
    reductionRate: number;
  };
  const stats = (await (await fetch(url('/api/cases/material-statistics'))).json()) as Row & {
    byMatter: Row[];
  };
  // The company's 食品经营许可 above, filed today (the demo's year of cases before today): 2 of its 3
  // materials came from data, so it uploaded only one.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const filedToday = (await (await fetch(url(`/api/cases/material-statistics?from=${today}`))).json()) as {
    byMatter: Row[];
  };
  const matter = await foodLicence();
  const food = filedToday.byMatter.find((row) => row.implementationId === matter.id);
  assert.deepEqual(food && { cases: food.cases, reused: food.reused, uploaded: food.uploaded }, {
    cases: 1,
    reused: 2,
    uploaded: 1,
  });
  await page.goto(url('/statistics'));
  const card = page.getByTestId('material-reduction');
  // The page shows the figures of every case filed (the demo's too), as the API computes them.
  await card.getByText(`材料减免（${stats.cases} 件办件）`).waitFor();
  const rate = `${(stats.reductionRate * 100).toFixed(1)}%`;
  await card.getByTestId('reduction-rate').getByText(rate, { exact: true }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: screenshotPath('shared-04-statistics') });

  // A district without materials has no rate (0 / 0): a dash and 暂无材料, not 0.0 %.
  const districts = (await (await fetch(url('/api/regions?parent=610100'))).json()) as
    | { items: { code: string }[] }
    | { code: string }[];
  let empty: string | undefined;
  for (const { code } of Array.isArray(districts) ? districts : districts.items) {
    const figures = await fetch(url(`/api/cases/material-statistics?region=${code}&subtree=true`));
    if (((await figures.json()) as { reductionRate: number | null }).reductionRate === null) {
      empty = code;
      break;
    }
  }
  assert.ok(empty, 'a district of 西安市 without filed materials');
  await page.goto(url(`/statistics?region=${empty}`));
  const none = page.getByTestId('material-reduction');
  await none.getByTestId('reduction-rate').getByText('—', { exact: true }).waitFor();
  await none.getByTestId('reduction-no-materials').getByText('暂无材料').waitFor();
  assert.equal(await none.getByText('0.0%').count(), 0);
  await none.scrollIntoViewIfNeeded();
  await none.screenshot({ path: screenshotPath('shared-05-statistics-no-materials') });
});
