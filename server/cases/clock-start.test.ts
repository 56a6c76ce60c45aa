import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts, loadActor } from '../accounts/index.ts';
import type { Browser } from '../accounts/testing.ts';
import type { Actor } from '../core/access/actor.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from './testing.ts';
import { transitionCase } from './transition.ts';

let t: TestApp;
let food: string;
let naturalDays: string;
let company: Browser;
let reviewer: Actor;

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  food = await publishMatter(db, market!.id, FOOD_LICENCE);
  naturalDays = await publishMatter(db, market!.id, {
    ...FOOD_LICENCE,
    name: '食品经营许可变更',
    promisedLimit: { value: 10, unit: 'natural_days' },
    legalLimit: { value: 30, unit: 'natural_days' },
  });
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  const [account] = await db.select().from(accounts).where(eq(accounts.login, 'reviewer'));
  reviewer = (await loadActor(db, account!.id))!;
});
after(async () => {
  await t?.close();
});

type Action = Parameters<typeof transitionCase>[0]['action'];

/** A case of the matter filed by the company, with a step that acts on it on a given day. */
async function fileCase(implementationId: string) {
  const res = await company.request({ method: 'POST', url: '/api/cases', payload: { implementationId } });
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json() as { id: string; version: number };
  let version = created.version;
  return async (action: Action, today: string, input = {}) => {
    const { case: c } = await transitionCase({
      db: t.db.db,
      actor: reviewer,
      caseId: created.id,
      action,
      today,
      version,
      input,
    });
    version = c.version;
    return c;
  };
}

const acceptedOn = async (implementationId: string, day: string) =>
  (await fileCase(implementationId))('accept', day);

test('accepted on a Sunday: the real day is kept, the deadlines are those of the Monday', async () => {
  const sunday = await acceptedOn(food, '2026-03-01');
  const monday = await acceptedOn(food, '2026-03-02');
  assert.equal(sunday.acceptedOn, '2026-03-01', '受理日期 stays the Sunday');
  assert.equal(monday.promisedDeadline, '2026-03-09', 'Monday + 5 working days');
  assert.equal(monday.legalDeadline, '2026-03-30');
  assert.equal(sunday.promisedDeadline, monday.promisedDeadline);
  assert.equal(sunday.legalDeadline, monday.legalDeadline);
  const page = async (id: string) =>
    (await company.request({ method: 'GET', url: `/api/cases/${id}` })).json();
  const shown = await page(sunday.id);
  assert.equal(shown.acceptedOn, '2026-03-01');
  assert.equal(shown.clockStartsOn, '2026-03-02', 'the case page says the limits count from the Monday');
  assert.equal((await page(monday.id)).clockStartsOn, '2026-03-02');
});

test('accepted on a Saturday at a street centre open on Saturdays: counted from the Monday', async () => {
  const saturday = await acceptedOn(food, '2026-03-07');
  const monday = await acceptedOn(food, '2026-03-09');
  assert.equal(saturday.acceptedOn, '2026-03-07');
  assert.deepEqual(
    [saturday.promisedDeadline, saturday.legalDeadline],
    [monday.promisedDeadline, monday.legalDeadline],
  );
  assert.equal(saturday.promisedDeadline, '2026-03-16');
});

test('limits in natural days also start on the next working day', async () => {
  const sunday = await acceptedOn(naturalDays, '2026-03-01');
  assert.equal(sunday.acceptedOn, '2026-03-01');
  assert.equal(sunday.promisedDeadline, '2026-03-12', 'Monday 2 March + 10 natural days');
  assert.equal(sunday.legalDeadline, '2026-04-01', 'Monday 2 March + 30 natural days');
});

test('accepted during 国庆: the clock starts on the first working day after the holiday', async () => {
  const holiday = await acceptedOn(food, '2026-10-02');
  const firstWorkingDay = await acceptedOn(food, '2026-10-08');
  assert.equal(holiday.acceptedOn, '2026-10-02');
  assert.deepEqual(
    [holiday.promisedDeadline, holiday.legalDeadline],
    [firstWorkingDay.promisedDeadline, firstWorkingDay.legalDeadline],
  );
  // 10-09 (Fri), 10-10 (调休上班 Saturday), 10-12, 10-13, 10-14.
  assert.equal(holiday.promisedDeadline, '2026-10-14');
});

test('on a working day nothing changes, a 调休 working Saturday included', async () => {
  const tuesday = await acceptedOn(food, '2026-03-03');
  assert.equal(tuesday.acceptedOn, '2026-03-03');
  assert.equal(tuesday.promisedDeadline, '2026-03-10');
  const workingSaturday = await acceptedOn(food, '2026-10-10');
  assert.equal(workingSaturday.acceptedOn, '2026-10-10');
  assert.equal(workingSaturday.promisedDeadline, '2026-10-16', '10-12 … 10-16: five working days');
});

test('the working days used count from the Monday for a case accepted on the Sunday', async () => {
  const step = await fileCase(food);
  let c = await step('accept', '2026-03-01');
  c = await step('start_review', '2026-03-02');
  c = await step('approve', '2026-03-03');
  c = await step('conclude', '2026-03-03');
  assert.equal(c.acceptedOn, '2026-03-01');
  assert.equal(c.workingDaysUsed, 1, 'Tuesday only: the clock started on the Monday');
  const same = await fileCase(food);
  await same('accept', '2026-03-07');
  await same('start_review', '2026-03-07');
  await same('approve', '2026-03-07');
  const concluded = await same('conclude', '2026-03-07');
  assert.equal(concluded.workingDaysUsed, 0, 'concluded on the Saturday it was accepted');
});
