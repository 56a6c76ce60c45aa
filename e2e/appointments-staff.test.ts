import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();

const CALLER_ID = '610103198503120026';
const CALLER = '陈来电';

async function capacityOf(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ capacity: number }>(
      `SELECT c.capacity FROM appointment_categories c JOIN halls h ON h.id = c.hall_id
       WHERE h.name = '西安市政务服务大厅' AND c.name = $1`,
      [name],
    );
    return rows[0]!.capacity;
  } finally {
    await client.end();
  }
}

async function pickOption(testId: string, text: string | RegExp) {
  const { page } = session;
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

test('the hall manager gives a category more places; the clerk books for a caller by phone and sees it among the day’s bookings', async () => {
  const { page } = session;
  await session.signInStaff('manager');
  await page.getByRole('menuitem', { name: '预约设置' }).click();
  const settings = page.getByTestId('appointment-settings');
  await settings.getByRole('heading', { name: '预约设置' }).waitFor();

  // A rule the server refuses shows at its field.
  await page.getByTestId('rule-minDaysAhead').fill('9');
  await page.getByTestId('settings-save').click();
  await settings
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: /不能大于最多提前的工作日数/ })
    .waitFor();
  await page.getByTestId('rule-minDaysAhead').fill('1');
  const monday = page.getByTestId('weekday-1');
  await monday.getByLabel('关门时间').fill('08:00');
  await page.getByTestId('settings-save').click();
  await monday
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: /关门时间须晚于开门时间/ })
    .waitFor();
  await monday.getByLabel('关门时间').fill('25:00');
  await page.getByTestId('settings-save').click();
  // The error of the earlier save may still be leaving while this one appears: wait for this one.
  await monday.locator('.ant-form-item-explain-error').filter({ hasText: '格式不正确' }).waitFor();
  await monday.getByLabel('关门时间').fill('17:00');
  await page.getByTestId('settings-save').click();
  await page.getByText('已保存').first().waitFor();
  await settings.getByText(/不能大于最多提前的工作日数/).waitFor({ state: 'hidden' });

  const category = page.locator('[data-testid="category"][data-name="市场监管综合窗口"]');
  await category.getByTestId('category-capacity').fill('6');
  await category.getByTestId('category-save').click();
  await page.getByText('已保存').first().waitFor();
  await page.locator('.ant-btn-loading').first().waitFor({ state: 'detached' });
  assert.equal(await capacityOf('市场监管综合窗口'), 6);
  await page.screenshot({ path: screenshotPath('appointments-staff-01-settings'), fullPage: true });

  await session.signInStaff('clerk');
  await page.getByRole('menuitem', { name: '今日预约' }).click();
  const today = page.getByTestId('appointments-today');
  await today.getByRole('heading', { name: '今日预约' }).waitFor();
  const form = page.getByTestId('phone-booking');
  await form.getByLabel('来电人身份证号码').fill(CALLER_ID);
  await pickOption('phone-category', '市场监管综合窗口');
  await page.getByTestId('phone-day').click();
  const firstDay = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^\d{4}-\d{2}-\d{2} / })
    .first();
  const day = ((await firstDay.textContent()) ?? '').slice(0, 10);
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
  await firstDay.click();
  await pickOption('phone-slot', /^10:00–.*余 6/);
  await page.screenshot({ path: screenshotPath('appointments-staff-02-phone'), fullPage: true });
  // A caller without an account: the name is asked for at its field.
  await page.getByTestId('phone-book').click();
  await form
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: '该身份证号码尚无账号，请填写来电人的姓名' })
    .waitFor();
  await form.getByLabel('来电人姓名').fill(CALLER);
  await page.getByTestId('phone-book').click();
  await page.getByText(`已为 ${CALLER} 预约：${day} 10:00`).waitFor();

  await today.getByText(`${day} 的预约`).waitFor();
  const row = page.getByTestId('hall-booking').filter({ hasText: CALLER });
  await row.getByText('10:00').waitFor();
  await row.getByText('市场监管综合窗口').waitFor();
  await row.getByText('电话').waitFor();
  await row.getByText('已预约').waitFor();
  // Not started yet: nothing to mark as a no-show.
  assert.equal(await row.getByTestId('mark-no-show').count(), 0);
  await page.screenshot({ path: screenshotPath('appointments-staff-03-booked'), fullPage: true });
});

/** A phone booking of the caller at the city hall that started yesterday at 10:00, not attended. */
async function yesterdaysBooking(): Promise<string> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    const day = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    await client.query(
      `INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
       SELECT h.id, c.id, $1::date, '10:00', ($1 || 'T10:00:00+08:00')::timestamptz, a.id, a.display_name, 'phone', a.id
       FROM halls h JOIN appointment_categories c ON c.hall_id = h.id AND c.name = '社保医保'
       JOIN accounts a ON a.display_name = $2
       WHERE h.name = '西安市政务服务大厅'`,
      [day, CALLER],
    );
    return day;
  } finally {
    await client.end();
  }
}

test('the clerk marks a booking whose slot has passed as a no-show', async () => {
  const { page } = session;
  const day = await yesterdaysBooking();
  await session.signInStaff('clerk');
  await page.getByRole('menuitem', { name: '今日预约' }).click();
  await page.getByTestId('bookings-day').fill(day);
  await page.getByText(`${day} 的预约`).waitFor();
  const row = page.getByTestId('hall-booking').filter({ hasText: CALLER });
  await row.getByText('社保医保').waitFor();
  await row.getByTestId('mark-no-show').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await page.getByText('已记为爽约').waitFor();
  await row.getByText('爽约', { exact: true }).waitFor();
  assert.equal(await row.getByTestId('mark-no-show').count(), 0);
  await page.screenshot({ path: screenshotPath('appointments-staff-04-no-show'), fullPage: true });
});
