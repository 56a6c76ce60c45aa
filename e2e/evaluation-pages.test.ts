import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { connect } from '../server/core/db/client.ts';
import { recordDefaultRatings } from '../server/ratings/index.ts';
import { call, type Session, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, query } = session;
const { concludedFoodLicenceCase } = caseSteps(session);

const COMMENT = '窗口人员态度生硬，材料问题没有一次性说清楚';

type Window = { id: string; hall_id: string; number: string; name: string; hall_name: string };

/** A window of a city hall with no case yet, so that its figures are the test's own. */
async function freshWindow(): Promise<Window> {
  const [found] = await query<Window>(
    `SELECT w.id, w.hall_id, w.number, w.name, h.name AS hall_name
     FROM windows w JOIN halls h ON h.id = w.hall_id JOIN organisations o ON o.id = h.organisation_id
     JOIN regions g ON g.code = o.region_code, regions city
     WHERE city.code = '610100' AND (g.path = city.path OR g.path LIKE city.path || '/%')
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.window_id = w.id)
       AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.window_id = w.id)
     ORDER BY h.name, w.number LIMIT 1`,
  );
  assert.ok(found, 'a city window without cases');
  return found;
}

/** Two concluded cases handled at the window: one to be rated by phone, one left to its default. */
async function casesAt(window: Window) {
  const rated = await concludedFoodLicenceCase();
  const quiet = await concludedFoodLicenceCase();
  for (const c of [rated, quiet])
    await query('UPDATE cases SET hall_id = $1, window_id = $2 WHERE id = $3', [
      window.hall_id,
      window.id,
      c.caseId,
    ]);
  await query(`UPDATE cases SET concluded_at = now() - interval '8 days' WHERE id = $1`, [quiet.caseId]);
  const database = connect(session.databaseUrl());
  try {
    await recordDefaultRatings({ db: database.db });
  } finally {
    await database.close();
  }
  const [defaulted] = await query<{ is_default: boolean }>(
    `SELECT is_default FROM ratings WHERE case_id = $1 AND stage = 'concluded'`,
    [quiet.caseId],
  );
  assert.equal(defaulted?.is_default, true, 'the quiet case got its default');
  return rated;
}

async function rectify(head: Session, ratingId: string) {
  const list = await call(head, 'GET', '/api/ratings/revisits');
  const revisit = ((list.body?.items ?? []) as { id: string; ratingId: string }[]).find(
    (r) => r.ratingId === ratingId,
  );
  assert.ok(revisit, 'the department has the revisit');
  for (const [step, body] of [
    ['contact', { note: '已电话联系申请人，致歉并了解情况' }],
    ['rectify', { outcome: '已对窗口人员开展服务规范培训，材料清单张贴上墙' }],
  ] as const) {
    const res = await call(head, 'POST', `/api/ratings/revisits/${revisit.id}/${step}`, body);
    assert.equal(res.status, 200, `${step}: ${JSON.stringify(res.body)}`);
  }
}

async function noOverflow(phone: Page) {
  const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(Number(overflow) <= 1, `the page is ${overflow}px wider than the phone`);
}

test('issue 17: the 12345 operator enters a phone 不满意 for a concluded case and turns it into a 投诉 that opens with the case; the portal publishes the month per window', async () => {
  const { page, browser } = session;
  const window = await freshWindow();
  const { caseNo } = await casesAt(window);

  // The operator looks the case up at the desk and enters the rating given by phone.
  await signInStaff('hotline');
  await page.getByRole('menuitem', { name: /12345受理/ }).click();
  await page.waitForURL('**/workbench/hotline');
  await page.getByTestId('desk-case-no').locator('input').fill(caseNo);
  await page.getByTestId('desk-case-no').locator('input').press('Enter');
  const found = page.locator(`[data-testid=desk-case][data-case-no="${caseNo}"]`);
  await found.getByText('食品经营许可').waitFor();
  await found.getByText(window.hall_name).waitFor();
  const concluded = found.locator('[data-testid=desk-stage][data-stage=concluded]');
  await concluded.getByTestId('desk-enter').click();
  const form = concluded.getByTestId('desk-phone-rating');
  await form.getByRole('radio', { name: '不满意', exact: true }).check();
  // Handled at a window: the window's four sub-ratings are asked.
  await form.locator('[data-testid=sub-score][data-key=attitude]').getByText('服务态度').waitFor();
  assert.equal(await form.getByTestId('sub-score').count(), 4);
  await form.getByRole('checkbox', { name: '服务态度差' }).check();
  await form.getByTestId('rating-comment').fill(COMMENT);
  await page.screenshot({ path: screenshotPath('evaluation-01-desk-form'), fullPage: true });
  await form.getByTestId('rating-submit').click();
  const given = concluded.locator('[data-testid=desk-rating][data-level="2"]');
  await given
    .getByTestId('desk-rating-level')
    .filter({ hasText: /^不满意$/ })
    .waitFor();
  await given.getByTestId('desk-rating-channel').filter({ hasText: '12345' }).waitFor();
  await given.getByText(COMMENT).waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-02-desk-rated'), fullPage: true });

  // The 差评 becomes a 投诉 request, which opens with the case and the rating linked.
  await given.getByTestId('desk-to-request').click();
  await page.waitForURL(/\/workbench\/hotline\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId('hotline-detail');
  const requestNo = (await detail.getByTestId('hotline-detail-no').textContent())?.trim();
  assert.ok(requestNo, 'the request has its number');
  await detail.getByText(`办件 ${caseNo} 差评`).first().waitFor();
  const linked = detail.getByTestId('hotline-linked-case');
  await linked.getByRole('link', { name: caseNo }).waitFor();
  await linked
    .getByTestId('desk-rating-level')
    .filter({ hasText: /^不满意$/ })
    .waitFor();
  await linked.getByTestId('desk-request-link').filter({ hasText: requestNo }).waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-03-request'), fullPage: true });

  // The department rectifies; its 差评整改 list names the request.
  const head = await signInOver(url(''), '/api/auth/login', { username: 'head', password: 'demo1234' });
  const [rating] = await query<{ id: string }>(
    `SELECT r.id FROM ratings r JOIN cases c ON c.id = r.case_id WHERE c.case_no = $1 AND r.stage = 'concluded'`,
    [caseNo],
  );
  await rectify(head, rating!.id);
  await signInStaff('head');
  await page.getByRole('menuitem', { name: /差评整改/ }).click();
  await page.getByText('已整改', { exact: true }).click();
  await page
    .locator(`[data-testid=revisit][data-case-no="${caseNo}"]`)
    .getByTestId('revisit-hotline-request')
    .filter({ hasText: requestNo })
    .waitFor();

  // On a phone, the portal's menu leads to 好差评公示; the window's month is what the test made.
  const phone = await browser.context.newPage();
  phone.setDefaultTimeout(15_000);
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url('/'));
    await phone.getByTestId('portal-evaluation-link').filter({ hasText: '好差评公示' }).waitFor();
    await phone.getByTestId('portal-menu').click();
    await phone.getByTestId('portal-drawer-evaluation-link').filter({ hasText: '好差评公示' }).click();
    await phone.waitForURL('**/evaluation');
    const publication = phone.getByTestId('evaluation-page');
    await publication.getByTestId('evaluation-how').getByText('不含默认').first().waitFor();
    await publication.getByRole('tab', { name: '窗口' }).click();
    await publication.getByRole('tab', { name: '窗口', selected: true }).waitFor();
    const row = publication.locator(`[data-testid=evaluation-row][data-id="${window.id}"]`);
    await row.getByText(window.hall_name).waitFor();
    const shown = async (testId: string) => (await row.getByTestId(testId).textContent())?.trim();
    assert.deepEqual(
      {
        total: await shown('fig-total'),
        defaults: await shown('fig-defaults'),
        bad: await shown('fig-bad'),
        rectified: await shown('fig-rectified'),
        satisfaction: await shown('fig-satisfaction'),
        without: await shown('fig-satisfaction-without'),
        rectification: await shown('fig-rectification'),
        inTime: await shown('fig-in-time'),
      },
      {
        total: '2',
        defaults: '1',
        bad: '1',
        rectified: '1',
        satisfaction: '50.0%',
        without: '0.0%',
        rectification: '100.0%',
        inTime: '100.0%',
      },
    );
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('evaluation-04-phone-windows'), fullPage: true });
    // The departments' tab shows what the public figures say.
    await publication.getByRole('tab', { name: '部门' }).click();
    await publication.getByRole('tab', { name: '部门', selected: true }).waitFor();
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    const answer = (await (
      await fetch(url(`/api/ratings/public?month=${month}&regionCode=610100`))
    ).json()) as {
      items: { scope: string; id: string; total: number; bad: number }[];
    };
    const department = answer.items.find((i) => i.scope === 'department');
    assert.ok(department);
    const departmentRow = publication.locator(`[data-testid=evaluation-row][data-id="${department.id}"]`);
    await departmentRow
      .getByTestId('fig-total')
      .filter({ hasText: new RegExp(`^${department.total}$`) })
      .waitFor();
    await departmentRow
      .getByTestId('fig-bad')
      .filter({ hasText: new RegExp(`^${department.bad}$`) })
      .waitFor();
    await noOverflow(phone);
    await phone.screenshot({ path: screenshotPath('evaluation-05-phone-departments'), fullPage: true });
  } finally {
    await phone.close();
  }
  // On a wide screen the same figures are a table.
  await page.goto(url('/evaluation'));
  await page.getByRole('tab', { name: '窗口' }).click();
  await page.getByRole('tab', { name: '窗口', selected: true }).waitFor();
  const row = page.locator(`tr[data-testid=evaluation-row][data-id="${window.id}"]`);
  await row.getByTestId('fig-satisfaction-without').filter({ hasText: '0.0%' }).waitFor();
  await page.screenshot({ path: screenshotPath('evaluation-06-wide'), fullPage: true });
});
