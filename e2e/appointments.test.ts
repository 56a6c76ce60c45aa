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
