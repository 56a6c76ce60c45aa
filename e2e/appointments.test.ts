import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { screenshotPath } from './support/browser.ts';
import { COMPANY_NAME, withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;

const PHONE = { width: 390, height: 844 };

async function statusOfBookings(): Promise<string[]> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string }>(
      `SELECT a.status FROM appointments a JOIN accounts c ON c.id = a.account_id
       WHERE c.display_name = $1 ORDER BY a.created_at`,
      [COMPANY_NAME],
    );
    return rows.map((r) => r.status);
  } finally {
    await client.end();
  }
}

test('on a phone the company books a time at the city hall, sees it in its bookings and cancels it', async () => {
  const { page } = session;
  await page.setViewportSize(PHONE);
  await session.signInCompany();
  await page.goto(url('/appointments'));
  const booking = page.getByTestId('appointments-page');
  await booking.getByRole('heading', { name: '预约办事' }).waitFor();

  await page.getByTestId('appointment-hall').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '西安市政务服务大厅' }).click();
  await page.getByTestId('appointment-category').getByText('市场监管综合窗口').waitFor();
  const firstDay = page.getByTestId('appointment-days').locator('button').first();
  const day = (await firstDay.getAttribute('data-day')) ?? '';
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
  await firstDay.click();
  const slot = page.getByTestId('appointment-slots').locator('button[data-start="10:00"]');
  await slot.getByText('余 4').waitFor();
  await slot.click();
  await page.getByText(`预约人：${COMPANY_NAME}`).waitFor();
  await page.screenshot({ path: screenshotPath('appointments-01-choose'), fullPage: true });
  await page.getByTestId('appointment-confirm').click();

  await page.getByText(`预约成功：${day} 10:00，西安市政务服务大厅`).waitFor();
  await slot.getByText('余 3').waitFor();
  const mine = page.getByTestId('my-appointment').filter({ hasText: `${day} 10:00` });
  await mine.getByText('已预约').waitFor();
  await mine.getByText('西安市政务服务大厅 · 市场监管综合窗口').waitFor();
  // The cancel deadline in the hall's time, 2 hours before the start.
  await mine.getByText(`${day} 08:00 前可取消`).waitFor();
  assert.deepEqual(await statusOfBookings(), ['booked']);

  // A second time the same day for the same matter is refused with the reason.
  await page.getByTestId('appointment-slots').locator('button[data-start="11:00"]').click();
  await page.getByTestId('appointment-confirm').click();
  await page
    .getByTestId('appointment-problem')
    .getByText(/同一事项每人每天只能预约一次/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('appointments-02-booked'), fullPage: true });

  await mine.getByTestId('appointment-cancel').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await page.getByText('已取消预约').waitFor();
  await mine.getByText('已取消').waitFor();
  await slot.getByText('余 4').waitFor();
  assert.deepEqual(await statusOfBookings(), ['cancelled']);
  await page.screenshot({ path: screenshotPath('appointments-03-cancelled'), fullPage: true });
});

/** Two bookings of the company at the city hall that started yesterday and the day before, not attended. */
async function pastBookings(): Promise<string[]> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    const chinaDay = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const ids: string[] = [];
    for (const day of [chinaDay(-2), chinaDay(-1)]) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
         SELECT h.id, c.id, $1::date, '10:00', ($1 || 'T10:00:00+08:00')::timestamptz, a.id, a.display_name, 'online', a.id
         FROM halls h JOIN appointment_categories c ON c.hall_id = h.id AND c.name = '不动产登记'
         JOIN accounts a ON a.display_name = $2
         WHERE h.name = '西安市政务服务大厅' RETURNING id`,
        [day, COMPANY_NAME],
      );
      ids.push(rows[0]!.id);
    }
    return ids;
  } finally {
    await client.end();
  }
}

test('two no-shows recorded by the clerk suspend the company’s booking at the hall, with the reason shown', async () => {
  const { page } = session;
  const ids = await pastBookings();
  await session.signInStaff('clerk');
  const { csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string };
  for (const id of ids) {
    const res = await page.request.post(url(`/api/appointments/${id}/no-show`), {
      headers: { 'x-csrf-token': csrfToken },
    });
    assert.equal(res.status(), 200, await res.text());
  }

  await page.setViewportSize(PHONE);
  await session.signInCompany();
  await page.goto(url('/appointments'));
  const alert = page.getByTestId('appointment-suspension');
  await alert
    .getByText(
      /西安市政务服务大厅：预约资格暂停至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。原因：近一个月内 2 次预约未按时到场（爽约）/,
    )
    .waitFor();
  await page.getByTestId('my-appointment').filter({ hasText: '爽约' }).nth(1).waitFor();

  await page.getByTestId('appointment-hall').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '西安市政务服务大厅' }).click();
  await page.getByTestId('appointment-days').locator('button').first().click();
  await page.getByTestId('appointment-slots').locator('button[data-start="14:00"]').click();
  await page.getByTestId('appointment-confirm').click();
  await page
    .getByTestId('appointment-problem')
    .getByText(/预约资格已暂停至 .*原因：近一个月内 2 次预约未按时到场/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('appointments-04-suspended'), fullPage: true });
});
