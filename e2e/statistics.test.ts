import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { call, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, query, signInStaff } = session;
const { concludedFoodLicenceCase } = caseSteps(session);

const XINCHENG = '610102';

/** Last month in China: its first and last day. */
function lastMonth(): { from: string; to: string; month: string } {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(first), to: day(last), month: day(first).slice(0, 7) };
}

type Facts = { caseNo: string; filedOn: string; concludedOn: string; promised: string };

/** A copy of the template case, filed, accepted and concluded in 新城区 on the days given. */
async function placeInXincheng(templateId: string, regionPath: string, facts: Facts): Promise<string> {
  const id = crypto.randomUUID();
  const patch = {
    id,
    case_no: facts.caseNo,
    idempotency_key: null,
    region_code: XINCHENG,
    region_path: regionPath,
    status: 'concluded',
    created_at: `${facts.filedOn}T09:00:00+08:00`,
    submitted_at: `${facts.filedOn}T09:00:00+08:00`,
    accepted_on: facts.filedOn,
    concluded_at: `${facts.concludedOn}T10:00:00+08:00`,
    promised_deadline: facts.promised,
    warning: 'none',
  };
  await query(
    `INSERT INTO cases SELECT (jsonb_populate_record(c, $1::jsonb)).* FROM cases c WHERE c.id = $2`,
    [JSON.stringify(patch), templateId],
  );
  return id;
}

/** What the cases themselves say of 新城区 in the period: concluded, and concluded after the promised day. */
async function concludedInXincheng(regionPath: string, from: string, to: string) {
  const [row] = await query<{ concluded: number; late: number }>(
    `SELECT count(*)::int AS concluded,
       count(*) FILTER (WHERE (concluded_at AT TIME ZONE 'Asia/Shanghai')::date > promised_deadline)::int AS late
     FROM cases
     WHERE status <> 'draft' AND (region_path = $1 OR region_path LIKE $1 || '/%')
       AND (concluded_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date`,
    [regionPath, from, to],
  );
  return row!;
}

/** Waits until the daily rollups (refreshed every few seconds) count the cases just concluded. */
async function rollupsCount(concluded: number, from: string, to: string) {
  const supervisor = await signInOver(url(''), '/api/auth/login', {
    username: 'supervisor',
    password: 'demo1234',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await call(
      supervisor,
      'GET',
      `/api/statistics/figures?region=${XINCHENG}&from=${from}&to=${to}`,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const figures = answer.body?.figures as { key: string; current: { value: number | null } }[];
    if (figures.find((f) => f.key === 'concluded')?.current.value === concluded) return;
    assert.ok(Date.now() < deadline, 'the rollups count the cases within 30 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Chooses a region below the user's own in the region tree: the own region opened, then the region. */
async function chooseRegion(page: Page, own: string, name: string) {
  await page.getByTestId('statistics-region').click();
  const popup = page.locator('.ant-select-dropdown:visible');
  await popup
    .locator('.ant-select-tree-treenode', { hasText: own })
    .first()
    .locator('.ant-select-tree-switcher')
    .click();
  await popup.locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${name}$`) }).click();
}

const card = (page: Page, figure: string) => page.locator(`[data-testid=figure-card][data-figure=${figure}]`);

const percent = (numerator: number, denominator: number) =>
  `${((numerator / denominator) * 100).toFixed(1)}%`;

test('issue 18: a supervisor opens the statistics of 新城区 for last month, sees 按时办结率 below 100 % and finds the late case behind it', async () => {
  const { page } = session;
  const period = lastMonth();
  const { caseId, caseNo } = await concludedFoodLicenceCase();
  const [xincheng] = await query<{ path: string }>(`SELECT path FROM regions WHERE code = $1`, [XINCHENG]);
  const path = xincheng!.path;
  const day = (d: number) => `${period.month}-${String(d).padStart(2, '0')}`;
  // 新城区 last month: one case concluded after its promised day, two on time.
  const lateId = await placeInXincheng(caseId, path, {
    caseNo: `${caseNo}-L1`,
    filedOn: day(2),
    concludedOn: day(20),
    promised: day(12),
  });
  await placeInXincheng(caseId, path, {
    caseNo: `${caseNo}-T1`,
    filedOn: day(2),
    concludedOn: day(6),
    promised: day(10),
  });
  await placeInXincheng(caseId, path, {
    caseNo: `${caseNo}-T2`,
    filedOn: day(3),
    concludedOn: day(10),
    promised: day(10),
  });
  const counted = await concludedInXincheng(path, period.from, period.to);
  assert.ok(counted.late >= 1 && counted.concluded >= 3, JSON.stringify(counted));
  await rollupsCount(counted.concluded, period.from, period.to);

  await signInStaff('supervisor');
  await page.getByRole('menuitem', { name: /数据统计/ }).click();
  await page.waitForURL('**/workbench/statistics');
  // Last month by default, over the supervisor's own city.
  await page
    .getByTestId('statistics-period')
    .filter({ hasText: `${period.from} 至 ${period.to}` })
    .waitFor();
  await chooseRegion(page, '西安市', '新城区');
  await page.waitForURL((address) => address.searchParams.get('region') === XINCHENG);
  await page.getByTestId('statistics-trail').getByText('新城区').waitFor();

  // 按时办结率 below 100 %, counted from the cases concluded in 新城区 last month.
  const onTime = card(page, 'onTimeRate');
  const onTimeCount = counted.concluded - counted.late;
  await onTime
    .getByTestId('figure-value')
    .filter({ hasText: percent(onTimeCount, counted.concluded) })
    .waitFor();
  assert.notEqual(await onTime.getByTestId('figure-value').textContent(), '100.0%');
  const fraction = onTime.getByTestId('figure-fraction');
  assert.equal(await fraction.textContent(), `${onTimeCount} / ${counted.concluded}`);
  assert.equal(
    await card(page, 'concludedLate').getByTestId('figure-value').textContent(),
    String(counted.late),
  );
  await page.screenshot({ path: screenshotPath('statistics-01-xincheng-1440'), fullPage: true });

  // The cases behind it: the late ones first, found by case number and marked 超期办结.
  await onTime.click();
  const drawer = page.getByTestId('figure-cases');
  await drawer
    .getByTestId('cases-total')
    .filter({ hasText: `共 ${counted.concluded} 件，其中超期办结 ${counted.late} 件` })
    .waitFor();
  const lateRow = drawer.getByTestId('case-row').filter({ hasText: `${caseNo}-L1` });
  await lateRow.getByTestId('case-part').filter({ hasText: '超期办结' }).waitFor();
  assert.equal(
    await drawer
      .getByTestId('case-row')
      .filter({ hasText: `${caseNo}-T1` })
      .count(),
    0,
  );
  // All of them, the on-time ones unmarked.
  await drawer.getByTestId('cases-part-switch').getByText('全部').click();
  const onTimeRow = drawer.getByTestId('case-row').filter({ hasText: `${caseNo}-T1` });
  await onTimeRow.waitFor();
  assert.equal(await onTimeRow.getByTestId('case-part').count(), 0);
  await page.screenshot({ path: screenshotPath('statistics-02-cases') });
  await drawer.getByTestId('cases-part-switch').getByText('仅超期办结').click();
  await onTimeRow.waitFor({ state: 'detached' });

  // Its case page, and back to the same view.
  await lateRow
    .getByTestId('case-no')
    .filter({ hasText: `${caseNo}-L1` })
    .click();
  await page.waitForURL(`**/workbench/cases/${lateId}`);
  await page.getByTestId('staff-case-page').getByText(`${caseNo}-L1`).first().waitFor();
  await page.goBack();
  await page.waitForURL(
    (address) =>
      address.searchParams.get('region') === XINCHENG && address.searchParams.get('from') === period.from,
  );
  await card(page, 'onTimeRate')
    .getByTestId('figure-fraction')
    .filter({ hasText: `${onTimeCount} /` })
    .waitFor();

  // On a phone: the cards wrap and nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await card(page, 'onTimeRate').waitFor();
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.equal(overflow, 0, 'no horizontal scrolling at 390 px');
  await page.screenshot({ path: screenshotPath('statistics-03-xincheng-390'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
});

test('issue 18: a period without cases shows — rather than 0 %, and the Excel download is a workbook of the figures', async () => {
  const { page } = session;
  await signInStaff('supervisor');
  // A link reproduces the view: 新城区 in a March long before the platform's cases.
  await page.goto(url(`/workbench/statistics?region=${XINCHENG}&from=2025-03-01&to=2025-03-31`));
  await page.getByTestId('statistics-period').filter({ hasText: '2025-03-01 至 2025-03-31' }).waitFor();
  await page
    .getByTestId('statistics-preset')
    .locator('.ant-segmented-item-selected', { hasText: '自定义' })
    .waitFor();
  await page.getByTestId('statistics-empty').waitFor();
  const onTime = card(page, 'onTimeRate');
  assert.equal(await onTime.getByTestId('figure-value').textContent(), '—');
  await onTime.getByTestId('figure-no-data').filter({ hasText: '无数据' }).waitFor();
  assert.equal(await onTime.getByTestId('figure-fraction').textContent(), '0 / 0');
  assert.equal(await card(page, 'concluded').getByTestId('figure-value').textContent(), '0');
  assert.equal(await page.locator('[data-testid=figure-value]', { hasText: /^0\.0%$/ }).count(), 0);
  await page.screenshot({ path: screenshotPath('statistics-04-empty'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('statistics-download').click(),
  ]);
  const file = screenshotPath('statistics-05-figures').replace(/\.png$/, '.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: string[][] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((r) => {
      rows.push(
        (r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      );
    });
  }
  const header = rows.find((r) => r.includes('指标') && r.includes('本期'));
  assert.ok(header, 'the workbook lists the figures under 指标 and 本期');
  const onTimeRow = rows.find((r) => r[header.indexOf('指标')] === '按时办结率');
  assert.ok(onTimeRow, 'the workbook has 按时办结率');
  assert.notEqual(onTimeRow[header.indexOf('本期')], '0', 'nothing concluded is not 0 %');
});
