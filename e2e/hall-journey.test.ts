import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { DEMO_PASSWORD } from '../server/demo/accounts.ts';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;
const { foodLicence, upload, submitApplication, expectStatus } = caseSteps(session);

const HALL = '西安市政务服务大厅';
/** The booking category whose bookings are checked in as 综合受理 (A) tickets, called at windows 01–06. */
const BOOKING = '市场监管综合窗口';
const PERSON = '11010519491231002X';
const NAME = '李秀兰';
const PHONE = '13912345678';

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: session.databaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The day arriving: the city hall books from the next working day on (and a same-day slot exists
 * only while the hall is open), so the person's booking is moved to today in China, at the time booked.
 */
async function bookingDayArrives(): Promise<void> {
  const moved = await query<{ id: string }>(
    `UPDATE appointments a SET day = (now() AT TIME ZONE 'Asia/Shanghai')::date,
            starts_at = ((now() AT TIME ZONE 'Asia/Shanghai')::date + a.start::time) AT TIME ZONE 'Asia/Shanghai'
     FROM accounts p WHERE p.id = a.account_id AND p.login = $1 AND a.status = 'booked' RETURNING a.id`,
    [PERSON],
  );
  assert.equal(moved.length, 1, 'the person has one booking');
}

test('a person books on the phone, checks in at the kiosk, is called on the hall’s screen and served at the counter; the case shows the wait', async () => {
  const { page } = session;
  const context = session.browser.context;

  // On the phone: 李秀兰 books a time at the city hall for the market regulation window.
  await page.bringToFront();
  await page.setViewportSize({ width: 390, height: 844 });
  await context.clearCookies();
  await page.goto(url('/appointments'));
  await page.waitForURL('**/login?**');
  const signIn = page.getByTestId('sign-in-person');
  await signIn.getByLabel('居民身份证号码').fill(PERSON);
  await signIn.getByLabel('密码').fill(DEMO_PASSWORD);
  await signIn.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('appointments-page').getByRole('heading', { name: '预约办事' }).waitFor();
  await page.getByTestId('appointment-hall').click();
  await page.locator('.ant-select-item-option').filter({ hasText: HALL }).click();
  await page.getByTestId('appointment-category').getByText(BOOKING).waitFor();
  const firstDay = page.getByTestId('appointment-days').locator('button').first();
  const day = (await firstDay.getAttribute('data-day')) ?? '';
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
  await firstDay.click();
  const slot = page.getByTestId('appointment-slots').locator('button[data-start="10:00"]');
  await slot.getByText('余 4').waitFor();
  await slot.click();
  await page.getByText(`预约人：${NAME}`).waitFor();
  await page.getByTestId('appointment-confirm').click();
  await page.getByText(`预约成功：${day} 10:00，${HALL}`).waitFor();
  const mine = page.getByTestId('my-appointment').filter({ hasText: `${day} 10:00` });
  await mine.getByText('已预约').waitFor();
  await mine.getByText(`${HALL} · ${BOOKING}`).waitFor();
  await page.screenshot({ path: screenshotPath('hall-journey-01-booked'), fullPage: true });

  await bookingDayArrives();

  // At the hall's kiosk: the ID card is read and the booking checked in for a ticket.
  await context.clearCookies();
  const kiosk = await context.newPage();
  kiosk.setDefaultTimeout(15_000);
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.goto(url(`/kiosk/setup?token=${DEMO_KIOSK_TOKEN}`));
  await kiosk.getByTestId('kiosk-setup-save').click();
  await kiosk.getByTestId('kiosk-card-screen').getByText('请刷身份证').waitFor();
  await kiosk.getByTestId('kiosk-simulate-card').filter({ hasText: NAME }).click();
  await kiosk.getByTestId('kiosk-greeting').getByText(`您好，${NAME}`).waitFor();
  await kiosk.getByTestId('kiosk-ticket-entry').click();
  const choices = kiosk.getByTestId('kiosk-ticket-screen');
  await choices.getByText('您今天在本大厅有预约，签到后优先叫号').waitFor();
  await choices
    .getByTestId('ticket-checkin')
    .filter({ hasText: `10:00 ${BOOKING}` })
    .click();
  const slip = kiosk.getByTestId('kiosk-ticket-done');
  const codeShown = slip.getByTestId('ticket-code').getByText(/^A\d{3}$/);
  await codeShown.waitFor();
  const code = (await codeShown.textContent())?.trim() ?? '';
  await slip.getByText('综合受理').waitFor();
  await kiosk.screenshot({ path: screenshotPath('hall-journey-02-kiosk-ticket') });
  const [ticket] = await query<{ id: string; hall_id: string; status: string }>(
    `SELECT t.id, t.hall_id, a.status FROM tickets t JOIN appointments a ON a.id = t.appointment_id
     JOIN accounts p ON p.id = a.account_id WHERE p.login = $1 AND t.code = $2`,
    [PERSON, code],
  );
  assert.equal(ticket?.status, 'attended', 'the booking is checked in');
  const signedOut = kiosk.waitForResponse((res) => res.url().endsWith('/api/kiosk/sign-out'));
  await slip.getByTestId('kiosk-ticket-home').click();
  await kiosk.getByTestId('kiosk-card-screen').waitFor();
  await signedOut;
  await kiosk.close();
  // The person sits down and waits a quarter of an hour.
  await query(`UPDATE tickets SET taken_at = taken_at - interval '15 minutes' WHERE id = $1`, [ticket.id]);

  // The hall's TV shows the calls.
  const screen = await context.newPage();
  screen.setDefaultTimeout(15_000);
  await screen.setViewportSize({ width: 1920, height: 1080 });
  await screen.goto(url(`/halls/${ticket.hall_id}/screen`));
  await screen.getByText(HALL).waitFor();
  const current = screen.getByTestId('current-call');
  await current.getByText('暂无叫号').waitFor();

  // The clerk at window 01 calls the next: the booked person.
  await session.signInStaff('clerk');
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.getByTestId('workbench-menu').getByText('叫号', { exact: true }).click();
  await page.waitForURL('**/workbench/calling');
  await page.getByTestId('calling-window').click();
  await page.locator('.ant-select-item-option', { hasText: '01 号窗口' }).click();
  await page.getByTestId('calling-none').waitFor();
  await page.getByTestId('waiting-A').getByText('1', { exact: true }).waitFor();
  await page.getByTestId('call-next').click();
  await page.getByTestId('current-code').getByText(code, { exact: true }).waitFor();
  await page.getByTestId('current-person').getByText(NAME).waitFor();

  // The TV, never reloaded, shows the number and the window.
  await screen.bringToFront();
  await current.getByText(code, { exact: true }).waitFor();
  await current.getByText('01 号窗口', { exact: true }).waitFor();
  await current.getByText(`请 ${code} 号到 01 号窗口办理`).waitFor();
  await screen.screenshot({ path: screenshotPath('hall-journey-03-screen') });

  // 开始受理: the intake knows the person; the clerk files the matter she came for.
  await page.bringToFront();
  await page.getByTestId('start-intake').click();
  await page.waitForURL('**/workbench/intake?ticket=*');
  await page.getByTestId('intake-ticket').getByText(`来自叫号：${code} · ${NAME}`).waitFor();
  const form = page.getByTestId('walk-in-form');
  assert.equal(await form.getByTestId('walk-in-login').inputValue(), PERSON);
  assert.equal(await form.getByTestId('walk-in-name').inputValue(), NAME);
  assert.equal(await form.getByTestId('walk-in-phone').inputValue(), PHONE);
  const matter = await foodLicence();
  await form.getByTestId('walk-in-matter').getByRole('combobox').fill('食品经营许可');
  await page.locator('.ant-select-item-option', { hasText: matter.label }).click();
  await form.getByTestId('material-picker').waitFor();
  await upload(page, '[data-testid=walk-in-form]', 'bj', '设备布局与操作流程.pdf');
  await upload(page, '[data-testid=walk-in-form]', 'zd', '食品安全管理制度.pdf');
  await form.getByTestId('application-form').waitFor();
  await submitApplication(form, matter.id, form.getByTestId('walk-in-submit'));
  await page.getByTestId('staff-case-page').waitFor();
  await expectStatus(page, 'submitted');
  const casePage = page.url();
  const facts = page.getByTestId('case-facts');
  await facts.getByTestId('case-applicant').getByText(NAME).waitFor();
  await facts
    .getByTestId('case-ticket')
    .getByText(/（办理中）/)
    .waitFor();

  // Back at the window, the ticket is marked 办结.
  await page.getByTestId('workbench-menu').getByText('叫号', { exact: true }).click();
  await page.getByTestId('current-code').getByText(code, { exact: true }).waitFor();
  await page.getByTestId('done').click();
  await page.getByTestId('calling-none').waitFor();
  await page.getByTestId('served-today').getByText('1', { exact: true }).waitFor();

  // The case tells how long she waited, and that the counter has finished with her.
  await page.goto(casePage);
  const ticketFacts = page.getByTestId('case-facts').getByTestId('case-ticket');
  await ticketFacts.getByText(code).waitFor();
  await ticketFacts.getByText('等候时长').waitFor();
  const [waited] = await query<{ minutes: number }>(
    `SELECT floor(extract(epoch FROM called_at - taken_at) / 60)::int AS minutes FROM tickets WHERE id = $1`,
    [ticket.id],
  );
  assert.ok(waited && waited.minutes >= 15, 'she waited at least the quarter of an hour');
  await ticketFacts
    .getByTestId('case-wait-time')
    .getByText(`${waited.minutes} 分钟`, { exact: true })
    .waitFor();
  assert.equal(await ticketFacts.getByText(/办理中/).count(), 0);
  await page.screenshot({ path: screenshotPath('hall-journey-04-case'), fullPage: true });
  await screen.close();
});
