import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText } from '../server/testing/pdf.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff } = session;
let guidePath = '';

test('a citizen searching 开饭店 finds 食品经营许可 among the first three results', async () => {
  const { page } = session;
  await page.goto(url('/'));
  const search = page.getByPlaceholder('搜索办事事项');
  await search.fill('开饭店');
  await search.press('Enter');
  await page.waitForURL('**/search?q=*');
  const cards = page.getByTestId('matter-card');
  await cards.first().waitFor();
  const firstThree = await cards
    .locator('.matter-card-name')
    .evaluateAll((links) => links.slice(0, 3).map((a) => a.textContent ?? ''));
  assert.ok(
    firstThree.some((name) => name.includes('食品经营许可')),
    `first three: ${firstThree.join(' | ')}`,
  );
  await page.screenshot({ path: screenshotPath('cat-01-search'), fullPage: true });

  await cards.locator('.matter-card-name', { hasText: '食品经营许可' }).first().click();
  await page.waitForURL('**/guide/*');
  guidePath = new URL(page.url()).pathname;
  await page.getByTestId('guide-title').getByText('食品经营许可').waitFor();
  for (const label of ['承诺时限', '法定时限', '到现场次数', '实现方式', '收费']) {
    assert.ok(await page.getByTestId('guide-facts').getByText(label, { exact: true }).isVisible(), label);
  }
  assert.ok((await page.getByTestId('guide-material').count()) > 0, 'the guide lists materials');
  await page.getByTestId('guide-places').waitFor();
  await page.screenshot({ path: screenshotPath('cat-02-guide'), fullPage: true });
});

test('the guide downloads as a PDF', async () => {
  const { page } = session;
  assert.ok(guidePath, 'a guide was opened');
  const href = await page.getByTestId('guide-pdf').getAttribute('href');
  assert.ok(href, 'the download link has an address');
  const response = await page.request.get(url(href));
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/);
  const body = await response.body();
  assert.equal(body.subarray(0, 4).toString('latin1'), '%PDF');
});

test('the guide offers the 申请书 to print: 空表 and 样表 beside 在线办理 and at the material; a matter without a form its generic one', async () => {
  const { page } = session;
  assert.ok(guidePath, 'a guide was opened');
  await page.goto(url(guidePath));
  const pdfAt = async (href: string | null) => {
    assert.ok(href, 'the link has an address');
    const response = await page.request.get(url(href));
    assert.equal(response.status(), 200, href);
    assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/);
    return pdfText(await response.body());
  };
  await page.getByTestId('guide-form-blank').getByRole('button', { name: '下载空表' }).waitFor();
  assert.ok(await page.getByTestId('guide-form-sample').isVisible());
  const application = page.getByTestId('guide-material').filter({ hasText: '食品经营许可申请书' });
  const blank = await pdfAt(await application.getByTestId('material-form-blank').getAttribute('href'));
  assert.ok(blank.includes('食品经营许可申请书') && blank.includes('空白表格'), blank);
  const sample = await pdfAt(await page.getByTestId('guide-form-sample').getAttribute('href'));
  assert.ok(sample.includes('填写样表'), sample);

  // 社会团体成立登记 has no form of its own: its 申请书 prints in the generic format.
  const found = await page.request.get(
    url(`/api/catalogue/search?q=${encodeURIComponent('社会团体成立登记')}`),
  );
  const matter = (await found.json()).items.find((m: { name: string }) => m.name === '社会团体成立登记');
  assert.ok(matter, 'the demo has 社会团体成立登记');
  await page.goto(url(`/guide/${matter.implementationId}`));
  const generic = page.getByTestId('guide-material').filter({ hasText: '社会团体成立登记申请书' });
  await generic.getByTestId('material-form-blank').getByText('下载空表（通用格式）').waitFor();
  const genericBlank = await pdfAt(await page.getByTestId('guide-form-blank').getAttribute('href'));
  for (const part of ['社会团体成立登记申请书', '通用申请书格式', '□社会团体成立登记', '*统一社会信用代码']) {
    assert.ok(genericBlank.includes(part), `${part}: ${genericBlank}`);
  }
  await page.screenshot({ path: screenshotPath('cat-03-guide-generic-form'), fullPage: true });
});

test('the guide reads on a phone without sideways scrolling', async () => {
  const { browser } = session;
  const phone = await browser.context.newPage();
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url(guidePath));
    await phone.getByTestId('guide-title').waitFor();
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(Number(overflow) <= 1, `page is ${overflow}px wider than the phone`);
    assert.ok(await phone.getByRole('button', { name: /下载办事指南/ }).isVisible());
    assert.ok(await phone.getByRole('button', { name: /下载空表/ }).isVisible());
    await phone.screenshot({ path: screenshotPath('cat-03-guide-phone'), fullPage: true });
  } finally {
    await phone.close();
  }
});

test('the public statistics page shows the catalogue figures', async () => {
  const { page } = session;
  await page.goto(url('/statistics'));
  await page.getByTestId('figure-matters').waitFor();
  const matters = Number(
    (await page.getByTestId('figure-matters').locator('.ant-statistic-content').textContent())?.trim(),
  );
  assert.ok(matters > 0, `matters: ${matters}`);
  const figures = (await (await fetch(url('/api/catalogue/statistics'))).json()) as {
    workingDayCompression: number;
    workingDayMatters: number;
    naturalDayCompression: number;
    naturalDayMatters: number;
  };
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const working = page.getByTestId('figure-compressionWorking');
  await working.getByText('承诺时限压缩率（工作日）').waitFor();
  await working.getByText(pct(figures.workingDayCompression), { exact: true }).waitFor();
  await working.getByText(`${figures.workingDayMatters} 项事项`).waitFor();
  const natural = page.getByTestId('figure-compressionNatural');
  await natural.getByText(pct(figures.naturalDayCompression), { exact: true }).waitFor();
  await natural.getByText(`${figures.naturalDayMatters} 项事项`).waitFor();
  const method = page.getByTestId('statistics-method');
  await method.getByText('计算方法').waitFor();
  await method.getByText(/^Σ（法定时限 − 承诺时限）÷ Σ 法定时限，计入以工作日计/).waitFor();
  await method.getByText(/自然日与工作日分别计算，不相加/).waitFor();
  await page.getByTestId('statistics-chart').locator('canvas').first().waitFor();
  await page.waitForTimeout(1500); // the bars grow in an animation
  await page.screenshot({ path: screenshotPath('cat-04-statistics'), fullPage: true });
});

test('the editor edits a draft in 事项管理 and saves it', async () => {
  const { page } = session;
  await signInStaff('editor');
  await page.getByTestId('workbench-menu').getByText('事项管理').click();
  await page.waitForURL('**/workbench/catalogue');
  const rows = page.getByTestId('catalogue-implementations').locator('.ant-table-row');
  await rows.first().waitFor();
  await page.screenshot({ path: screenshotPath('cat-05-implementations'), fullPage: true });
  await rows.first().locator('a').first().click();
  await page.getByTestId('implementation-page').waitFor();
  if (
    await page
      .getByTestId('new-draft')
      .isVisible()
      .catch(() => false)
  ) {
    await page.getByTestId('new-draft').click();
  }
  const conditions = page.getByTestId('field-conditions');
  await conditions.waitFor();
  const text = `${await conditions.inputValue()}\n申请人应在经营场所醒目位置公示许可证。`;
  await conditions.fill(text);
  await page.getByTestId('save-draft').click();
  await page.getByText('草稿已保存').waitFor();
  await page.getByTestId('completeness').waitFor();
  await page.reload();
  assert.equal(await page.getByTestId('field-conditions').inputValue(), text);
  await page.screenshot({ path: screenshotPath('cat-06-editor'), fullPage: true });
});
