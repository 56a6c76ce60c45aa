import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, signInOver } from '../server/testing/processes.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInStaff, query } = session;
const { foodLicence, chooseFoodLicence, submitWalkIn } = caseSteps(session);

/** The demo person (李秀兰) takes her ticket on her phone at the city hall. */
const PERSON = '11010519491231002X';
const NAME = '李秀兰';
const PHONE = '13912345678';

/** A ticket of 综合受理 at the city hall taken by the person on her phone, 7 minutes ago. */
async function personTakesTicket(): Promise<{ id: string; code: string }> {
  const [category] = await query<{ id: string; hall_id: string }>(
    `SELECT c.id, c.hall_id FROM ticket_categories c JOIN halls h ON h.id = c.hall_id
     WHERE h.name = '西安市政务服务大厅' AND c.letter = 'A'`,
  );
  assert.ok(category, 'the city hall has 综合受理 tickets');
  const person = await signInOver(url(''), '/api/auth/applicant-login', {
    kind: 'person',
    login: PERSON,
    password: 'demo1234',
  });
  const taken = await call(person, 'POST', `/api/tickets/halls/${category.hall_id}/take`, {
    categoryId: category.id,
  });
  assert.equal(taken.status, 201, JSON.stringify(taken.body));
  const ticket = taken.body as { id: string; code: string };
  await query(`UPDATE tickets SET taken_at = now() - interval '7 minutes' WHERE id = $1`, [ticket.id]);
  return ticket;
}

test('a clerk calls a ticket, recalls, skips and returns it, calls it again and files the person’s case from it; the case shows the wait', async () => {
  const { page } = session;
  const ticket = await personTakesTicket();
  await signInStaff('clerk');
  await page.getByTestId('workbench-menu').getByText('叫号', { exact: true }).click();
  await page.waitForURL('**/workbench/calling');

  // Choose window 01 of the city hall: remembered for the next visit.
  await page.getByTestId('calling-window').click();
  await page.locator('.ant-select-item-option', { hasText: '01 号窗口' }).click();
  await page.getByTestId('calling-none').waitFor();
  await page.getByTestId('waiting-A').getByText('1', { exact: true }).waitFor();

  const current = page.getByTestId('current-code');
  await page.getByTestId('call-next').click();
  await current.getByText(ticket.code, { exact: true }).waitFor();
  await page.getByTestId('current-person').getByText(NAME).waitFor();
  await page.getByTestId('current-person').getByText('110105********002X').waitFor();
  await page.screenshot({ path: screenshotPath('calling-01-called'), fullPage: true });

  await page.getByTestId('recall').click();
  await page.locator('.ant-message').getByText('已重呼').waitFor();
  await current.getByText(ticket.code, { exact: true }).waitFor();

  // 过号 with the keyboard (S): the ticket leaves the window for the skipped list.
  await page.keyboard.press('s');
  await page.getByTestId('calling-none').waitFor();
  const skipped = page.getByTestId('skipped-ticket').filter({ hasText: ticket.code });
  await skipped.waitFor();
  // With no ticket at the window only 叫号 and the window's own buttons act.
  await page.locator('[data-testid=call-next]:not([disabled])').waitFor();
  assert.equal(await page.getByTestId('recall').isDisabled(), true);
  assert.equal(await page.getByTestId('start-intake').isDisabled(), true);
  await page.screenshot({ path: screenshotPath('calling-02-skipped'), fullPage: true });
  await skipped.getByTestId('return-ticket').click();
  await page.locator('.ant-message').getByText('已恢复排队').waitFor();
  await skipped.waitFor({ state: 'detached' });
  await page.getByTestId('waiting-A').getByText('1', { exact: true }).waitFor();

  await page.getByTestId('call-next').click();
  await current.getByText(ticket.code, { exact: true }).waitFor();
  // Calling again while a ticket is served is refused at the button (N).
  await page.keyboard.press('n');
  assert.equal(await page.getByTestId('call-next').isDisabled(), true);

  // 开始受理: the intake opens with the person identified.
  await page.getByTestId('start-intake').click();
  await page.waitForURL('**/workbench/intake?ticket=*');
  await page.getByTestId('intake-ticket').getByText(`来自叫号：${ticket.code} · ${NAME}`).waitFor();
  const form = page.getByTestId('walk-in-form');
  assert.equal(await form.getByTestId('walk-in-login').inputValue(), PERSON);
  assert.equal(await form.getByTestId('walk-in-name').inputValue(), NAME);
  assert.equal(await form.getByTestId('walk-in-phone').inputValue(), PHONE);
  const matter = await foodLicence();
  await chooseFoodLicence(matter);
  await page.screenshot({ path: screenshotPath('calling-03-intake'), fullPage: true });
  await submitWalkIn(matter);
  const facts = page.getByTestId('case-facts');
  await facts.getByTestId('case-ticket').getByText(ticket.code).waitFor();
  await facts.getByTestId('case-wait-time').getByText('7 分钟').waitFor();
  await facts.getByTestId('case-applicant').getByText(NAME).waitFor();
  await page.screenshot({ path: screenshotPath('calling-04-case'), fullPage: true });
  const [stored] = await query<{ ticket_id: string }>(`SELECT ticket_id FROM cases WHERE ticket_id = $1`, [
    ticket.id,
  ]);
  assert.ok(stored, 'the case keeps its ticket');

  // Back at the window (still chosen), the clerk marks the ticket done.
  await page.getByTestId('workbench-menu').getByText('叫号', { exact: true }).click();
  await current.getByText(ticket.code, { exact: true }).waitFor();
  await page.getByTestId('done').click();
  await page.getByTestId('calling-none').waitFor();
  await page.getByTestId('served-today').getByText('1', { exact: true }).waitFor();

  // Someone takes a number at the reception desk: the open panel shows them waiting.
  await page.getByTestId('waiting-A').getByText('0', { exact: true }).waitFor();
  const reception = await signInOver(url(''), '/api/auth/login', {
    username: 'manager',
    password: 'demo1234',
  });
  const [hall] = await query<{ id: string; category: string }>(
    `SELECT h.id, c.id AS category FROM halls h JOIN ticket_categories c ON c.hall_id = h.id
     WHERE h.name = '西安市政务服务大厅' AND c.letter = 'A'`,
  );
  const taken = await call(reception, 'POST', `/api/tickets/halls/${hall!.id}/take`, {
    categoryId: hall!.category,
  });
  assert.equal(taken.status, 201, JSON.stringify(taken.body));
  await page.getByTestId('waiting-A').getByText('1', { exact: true }).waitFor();
});
