import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../server/demo/accounts.ts';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';
import { ok } from './support/tickets.ts';

const session = withBrowserSession();
const { url, query } = session;

const HALL = '西安市政务服务大厅';
const LI = '11010519491231002X';

/** The city hall, its 社保医保 ticket category (E, called at windows 12, 13 and 05) and window 12. */
async function cityHall() {
  const [row] = await query<{ hall: string; category: string; w12: string }>(
    `SELECT h.id AS hall, c.id AS category, (SELECT id FROM windows WHERE hall_id = h.id AND number = '12') AS w12
     FROM halls h JOIN ticket_categories c ON c.hall_id = h.id AND c.letter = 'E' WHERE h.name = $1`,
    [HALL],
  );
  assert.ok(row);
  return row;
}

/** A booking of 李秀兰 for later today at the city hall, for the appointment category named. */
async function bookToday(category: string) {
  await query(
    `INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
     SELECT h.id, ac.id, (now() AT TIME ZONE 'Asia/Shanghai')::date, '23:30', now() + interval '1 hour', a.id, a.display_name, 'online', a.id
     FROM halls h JOIN appointment_categories ac ON ac.hall_id = h.id AND ac.name = $2
     JOIN accounts a ON a.login = $3 WHERE h.name = $1`,
    [HALL, category, LI],
  );
}

test('a person with a booking today checks in on the phone, watches the people ahead and is sent to the window without a reload', async () => {
  const { page } = session;
  const ids = await cityHall();
  await bookToday('社保医保');
  const clerk = await signInOver(url(''), '/api/auth/login', { username: 'clerk', password: DEMO_PASSWORD });
  // Two people in the 绿色通道 come before any booking.
  for (let i = 0; i < 2; i++)
    await ok(
      clerk,
      'POST',
      `/api/tickets/halls/${ids.hall}/take`,
      { categoryId: ids.category, priority: 'green' },
      201,
    );

  await page.bringToFront();
  await page.setViewportSize({ width: 390, height: 844 });
  // The hall's QR code opens the take page; sign-in comes first and leads back to it.
  await page.goto(url(`/halls/${ids.hall}/take`));
  await page.waitForURL('**/login?**');
  await session.submitPersonSignIn();
  const take = page.getByTestId('ticket-take-page');
  await take.getByRole('heading', { name: HALL }).waitFor();
  const checkIn = take.getByTestId('ticket-checkin').filter({ hasText: '社保医保' });
  await checkIn.waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-01-phone-choices'), fullPage: true });
  await checkIn.click();

  await page.waitForURL('**/tickets/*');
  const slip = page.getByTestId('ticket-slip');
  await slip.getByTestId('ticket-code').getByText('E003').waitFor();
  await slip.getByTestId('ticket-ahead').getByText('前面还有 2 人').waitFor();
  await slip.getByText('预约').waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-02-phone-waiting'), fullPage: true });

  // Window 12 serves the two before; the page follows, and once called shows the window.
  for (const [code, left] of [
    ['E001', '前面还有 1 人'],
    ['E002', '下一位就是您，请留意叫号'],
  ] as const) {
    const called = await ok(clerk, 'POST', `/api/tickets/windows/${ids.w12}/call`);
    assert.equal(called.ticket?.code, code);
    await slip.getByTestId('ticket-ahead').getByText(left).waitFor();
    await ok(clerk, 'POST', `/api/tickets/${called.ticket?.id}/done`);
  }
  const mine = await ok(clerk, 'POST', `/api/tickets/windows/${ids.w12}/call`);
  assert.equal(mine.ticket?.code, 'E003');
  await slip.getByTestId('ticket-window').getByText('请到 12 号窗口').waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-03-phone-called'), fullPage: true });

  // Told by SMS too, and the ticket is listed in 我的空间.
  const sms = await query<{ body: string }>(
    `SELECT body FROM notifications WHERE channel = 'sms' AND address = '13912345678' AND body LIKE '%E003%'`,
  );
  assert.ok(
    sms.some((m) => m.body.includes(`请 E003 号到 12 号窗口办理（${HALL}）`)),
    JSON.stringify(sms),
  );
  await page.goto(url('/my'));
  await page.getByTestId('my-tickets').getByText('E003').waitFor();
  await page.getByTestId('my-tickets').getByText('请到 12 号窗口').waitFor();
  await session.browser.context.clearCookies();
});

test('at the kiosk a resident reads the ID card and checks in a booking; without a card anyone takes a plain number', async () => {
  const { page } = session;
  await bookToday('不动产登记');
  await page.bringToFront();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(url(`/kiosk/setup?token=${DEMO_KIOSK_TOKEN}`));
  await page.getByTestId('kiosk-setup-save').click();
  await page.getByTestId('kiosk-card-screen').getByText('请刷身份证').waitFor();

  await page.getByTestId('kiosk-simulate-card').filter({ hasText: '李秀兰' }).click();
  await page.getByTestId('kiosk-greeting').getByText('您好，李秀兰').waitFor();
  await page.getByTestId('kiosk-matter').first().waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-04a-kiosk-start') });
  await page.getByTestId('kiosk-ticket-entry').click();
  const screen = page.getByTestId('kiosk-ticket-screen');
  await screen.getByTestId('ticket-category').first().waitFor();
  await screen.getByText(/绿色通道.*请到服务台取号/).waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-04-kiosk-choices') });
  await screen.getByTestId('ticket-checkin').filter({ hasText: '不动产登记' }).click();
  const done = page.getByTestId('kiosk-ticket-done');
  await done.getByTestId('ticket-code').getByText('D001').waitFor();
  await done.getByText('不动产登记').waitFor();
  await done.getByTestId('ticket-ahead').getByText('下一位就是您，请留意叫号').waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-05-kiosk-slip') });
  const [booking] = await query<{ status: string }>(
    `SELECT a.status FROM appointments a JOIN tickets t ON t.appointment_id = a.id WHERE t.code = 'D001'`,
  );
  assert.equal(booking?.status, 'attended');

  // Back to the start: the session ends; a plain number without the card.
  const signedOut = page.waitForResponse((res) => res.url().endsWith('/api/kiosk/sign-out'));
  await done.getByTestId('kiosk-ticket-home').click();
  await page.getByTestId('kiosk-card-screen').waitFor();
  await signedOut;
  await page.screenshot({ path: screenshotPath('tickets-take-04b-kiosk-card') });
  await page.getByTestId('kiosk-ticket-plain').click();
  const plain = page.getByTestId('kiosk-ticket-screen');
  await plain.getByTestId('ticket-category').filter({ hasText: '咨询导办' }).click();
  await page.getByTestId('kiosk-ticket-done').getByTestId('ticket-code').getByText('C001').waitFor();
  assert.equal((await page.request.get(url('/api/auth/me'))).status(), 401, 'no one is signed in');
  await page.getByTestId('kiosk-ticket-home').click();
  await page.getByTestId('kiosk-card-screen').waitFor();
});

test('at the 取号台 a clerk takes a 绿色通道 number for a named person with a phone; the hall’s QR code leads to the phone page', async () => {
  const { page } = session;
  await page.setViewportSize({ width: 1280, height: 860 });
  await session.signInStaff('clerk');
  await page.goto(url('/workbench/reception'));
  const desk = page.getByTestId('reception-page');
  await desk.getByRole('heading', { name: '取号台' }).waitFor();
  await desk.getByTestId('staff-hall').getByText(HALL).waitFor();
  await desk.getByTestId('reception-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'A · 综合受理' }).click();
  await desk.getByTestId('reception-name').fill('赵大爷');
  await desk.getByTestId('reception-phone').fill('1391234');
  await desk.getByTestId('reception-take').click();
  await desk.getByText('请填写 11 位手机号').waitFor();
  await desk.getByTestId('reception-phone').fill('13991234568');
  await desk.getByTestId('reception-priority').getByText('绿色通道').click();
  await desk.getByTestId('reception-take').click();
  const slip = desk.getByTestId('reception-ticket');
  await slip.getByTestId('ticket-code').getByText('A001').waitFor();
  await slip.getByText('绿色通道').waitFor();
  await slip.getByText(HALL).waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-06-reception'), fullPage: true });
  const [row] = await query<{ person_name: string; phone: string; priority: string }>(
    `SELECT person_name, phone, priority FROM tickets WHERE code = 'A001'`,
  );
  assert.deepEqual(row, { person_name: '赵大爷', phone: '13991234568', priority: 'green' });

  await session.signInStaff('manager');
  await page.goto(url('/workbench/halls'));
  const hallRow = page.locator('tr').filter({ hasText: HALL });
  await hallRow.getByTestId('hall-qr').click();
  const qr = page.getByTestId('hall-qr-code');
  await qr.locator('img').waitFor();
  const { hall } = await cityHall();
  await qr.getByText(url(`/halls/${hall}/take`)).waitFor();
  // The dialog has finished opening before the picture is taken.
  await page
    .locator('.ant-modal:not([class*="-appear"]):not([class*="-enter"])')
    .getByTestId('hall-qr-code')
    .waitFor();
  await page.screenshot({ path: screenshotPath('tickets-take-07-hall-qr') });
});
