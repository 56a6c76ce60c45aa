import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, query } = session;

/** The bookings of a person (by name): category, day, start, channel and status. */
const bookingsOf = (name: string) =>
  query<{ category: string; day: string; start: string; channel: string; status: string }>(
    `SELECT c.name AS category, to_char(a.day, 'YYYY-MM-DD') AS day, a.start, a.channel, a.status
     FROM appointments a JOIN appointment_categories c ON c.id = a.category_id
     WHERE a.name = $1 ORDER BY a.created_at`,
    [name],
  );

test('from a matter’s guide 预约办理 leads, through signing in, to the booking page with its hall chosen, and books', async () => {
  const { page } = session;
  await page.setViewportSize({ width: 1280, height: 900 });
  const [matter] = await query<{ id: string }>(
    `SELECT implementation_id AS id FROM published_matters WHERE name = '不动产变更登记' AND region_code = '610100'`,
    [],
  );
  assert.ok(matter, 'the demo catalogue has the city’s 不动产变更登记');
  await page.goto(url(`/guide/${matter.id}`));
  await page.getByTestId('guide-title').getByText('不动产变更登记').waitFor();
  await page.screenshot({ path: screenshotPath('booking-entry-01-guide') });
  await page.getByTestId('guide-book').click();

  await page.waitForURL('**/login?next=*');
  await session.submitPersonSignIn();
  await page.waitForURL(`**/appointments?hall=*`);
  assert.equal(new URL(page.url()).searchParams.get('matter'), matter.id);

  const booking = page.getByTestId('appointments-page');
  await booking
    .getByTestId('appointment-matter')
    .getByText('为办理“不动产变更登记”预约', { exact: false })
    .waitFor();
  await booking.getByTestId('appointment-hall').getByText('西安市政务服务大厅').waitFor();
  const category = booking.getByTestId('appointment-category');
  // The guide's place is the city hall's 不动产登记中心专窗: its booking category is chosen.
  await category.locator('.ant-radio-button-wrapper-checked').getByText('不动产登记').waitFor();
  const firstDay = booking.getByTestId('appointment-days').locator('button').first();
  const day = (await firstDay.getAttribute('data-day')) ?? '';
  await firstDay.click();
  const slot = booking.getByTestId('appointment-slots').locator('button[data-start="10:30"]');
  await slot.getByText('余 3').waitFor();
  await slot.click();
  await page.screenshot({ path: screenshotPath('booking-entry-02-preselected'), fullPage: true });
  await booking.getByTestId('appointment-confirm').click();
  await page.getByText(`预约成功：${day} 10:30，西安市政务服务大厅`).waitFor();
  await booking
    .getByTestId('my-appointment')
    .filter({ hasText: `${day} 10:30` })
    .getByText('已预约')
    .waitFor();
  assert.deepEqual(await bookingsOf('李秀兰'), [
    { category: '不动产登记', day, start: '10:30', channel: 'online', status: 'booked' },
  ]);
  await session.browser.context.clearCookies();
});

test('at the kiosk a resident reads the ID card, books a slot of the hall, sees it confirmed and among the bookings, and cancels it', async () => {
  const page = await session.browser.context.newPage();
  try {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto(url(`/kiosk/setup?token=${DEMO_KIOSK_TOKEN}`));
    await page.getByTestId('kiosk-setup-save').click();
    await page.getByTestId('kiosk-simulate-card').filter({ hasText: '王小明' }).click();
    await page.getByTestId('kiosk-greeting').getByText('您好，王小明').waitFor();
    await page.screenshot({ path: screenshotPath('booking-entry-03-kiosk-start') });
    await page.getByTestId('kiosk-booking-entry').click();

    const screen = page.getByTestId('kiosk-booking');
    await screen.getByTestId('kiosk-my-bookings').getByText('暂无预约').waitFor();
    await screen.getByTestId('kiosk-booking-categories').getByRole('button', { name: '不动产登记' }).click();
    const firstDay = screen.getByTestId('appointment-days').locator('button').first();
    const day = (await firstDay.getAttribute('data-day')) ?? '';
    assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
    await firstDay.click();
    const slot = screen.getByTestId('appointment-slots').locator('button[data-start="11:00"]');
    await slot.getByText('余 3').waitFor();
    await slot.click();
    await page.screenshot({ path: screenshotPath('booking-entry-04-kiosk-choose'), fullPage: true });
    await screen.getByTestId('kiosk-booking-confirm').click();

    const done = page.getByTestId('kiosk-booking-done');
    await done.getByText('预约成功').waitFor();
    await done.getByTestId('kiosk-booking-when').getByText(`${day} 11:00`).waitFor();
    await done.getByText('西安市政务服务大厅 · 不动产登记').waitFor();
    await page.screenshot({ path: screenshotPath('booking-entry-05-kiosk-booked') });
    assert.deepEqual(await bookingsOf('王小明'), [
      { category: '不动产登记', day, start: '11:00', channel: 'kiosk', status: 'booked' },
    ]);

    await done.getByTestId('kiosk-booking-another').click();
    const mine = screen.getByTestId('kiosk-my-booking').filter({ hasText: `${day} 11:00` });
    await mine.getByText('西安市政务服务大厅 · 不动产登记').waitFor();
    await mine.getByTestId('kiosk-booking-cancel').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '取消预约' }).click();
    await screen.getByTestId('kiosk-my-bookings').getByText('暂无预约').waitFor();
    assert.deepEqual(
      (await bookingsOf('王小明')).map((b) => b.status),
      ['cancelled'],
    );
    await screen.getByTestId('kiosk-booking-back').click();
    await page.getByTestId('kiosk-greeting').waitFor();
  } finally {
    await page.close();
  }
});
