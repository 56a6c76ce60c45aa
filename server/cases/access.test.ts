import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts, loadActor } from '../accounts/index.ts';
import { type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter } from './testing.ts';
import { transitionCase } from './transition.ts';

let t: TestApp;
let food: string;
const who: Record<string, Browser> = {};
let counterCase: { id: string; version: number };
let onlineCase: { id: string; version: number };

async function applicant(kind: 'person' | 'company', login: string): Promise<Browser> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind, login, password: DEMO_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (o) =>
      t.app.inject({
        ...o,
        cookies: { yw_session: cookie },
        headers: { 'x-csrf-token': csrfToken, ...o.headers },
      }),
  };
}

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const market = await org('市场监管局');
  const police = await org('公安局');
  const district = await org('新城区政务服务中心');
  food = await publishMatter(db, market, FOOD_LICENCE);
  for (const login of ['clerk', 'reviewer', 'head', 'manager', 'supervisor', 'admin', 'agent', 'editor']) {
    who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  }
  who.person = await applicant('person', '11010519491231002X');
  who.company = await applicant('company', '91350100M000100Y43');
  const otherReviewer = await makeStaff({
    db,
    organisationId: police,
    roles: [{ role: 'department_reviewer', organisationId: police }],
  });
  const otherClerk = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'window_clerk', organisationId: district }],
  });
  const otherSupervisor = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'supervisor', regionCode: '610102' }],
  });
  who.otherReviewer = await signInAs(t.app, otherReviewer.login);
  who.otherClerk = await signInAs(t.app, otherClerk.login);
  who.otherSupervisor = await signInAs(t.app, otherSupervisor.login);
  const atCounter = await who.clerk!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' },
    },
  });
  counterCase = atCounter.json();
  onlineCase = (
    await who.person!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json();
});
after(async () => {
  await t?.close();
});

/** Who sees which case: [actor, counter case (city hall, 市场监管局, company), online case (市场监管局, person)]. */
const READ_MATRIX: [string, number, number][] = [
  ['person', 404, 200],
  ['company', 200, 404],
  ['clerk', 200, 404],
  ['otherClerk', 404, 404],
  ['reviewer', 200, 200],
  ['head', 200, 200],
  ['otherReviewer', 404, 404],
  ['manager', 200, 404],
  ['supervisor', 200, 200],
  ['otherSupervisor', 404, 404],
  ['admin', 200, 200],
  ['agent', 404, 404],
  ['editor', 404, 404],
];

for (const [actor, counter, online] of READ_MATRIX) {
  test(`read: ${actor} → counter ${counter}, online ${online}; the list agrees`, async () => {
    const b = who[actor]!;
    assert.equal(
      (await b.request({ method: 'GET', url: `/api/cases/${counterCase.id}` })).statusCode,
      counter,
    );
    assert.equal((await b.request({ method: 'GET', url: `/api/cases/${onlineCase.id}` })).statusCode, online);
    const ids = (
      (await b.request({ method: 'GET', url: '/api/cases' })).json().items as { id: string }[]
    ).map((c) => c.id);
    assert.equal(ids.includes(counterCase.id), counter === 200);
    assert.equal(ids.includes(onlineCase.id), online === 200);
  });
}

/** Acting: [actor, action on the counter case, expected status]. 404 where the case is not visible. */
const ACT_MATRIX: [string, string, number][] = [
  ['person', 'accept', 404],
  ['company', 'accept', 403],
  ['company', 'withdraw', 409],
  ['clerk', 'start-review', 403],
  ['otherClerk', 'accept', 404],
  ['otherReviewer', 'accept', 404],
  ['supervisor', 'accept', 403],
  ['manager', 'accept', 403],
  ['reviewer', 'terminate', 403],
  ['head', 'escalate', 409],
];

for (const [actor, action, status] of ACT_MATRIX) {
  test(`act: ${actor} × ${action} → ${status}`, async () => {
    const res = await who[actor]!.request({
      method: 'POST',
      url: `/api/cases/${counterCase.id}/${action}`,
      payload: { version: 999 },
    });
    assert.equal(res.statusCode, status, res.body);
  });
}

test('a guessed id of another applicant is a 404 like an id that does not exist', async () => {
  const guessed = await who.person!.request({ method: 'GET', url: `/api/cases/${counterCase.id}` });
  const unknown = await who.person!.request({
    method: 'GET',
    url: '/api/cases/00000000-0000-4000-8000-000000000000',
  });
  assert.equal(guessed.statusCode, 404);
  assert.deepEqual(guessed.json().error.code, unknown.json().error.code);
  const bad = await who.person!.request({ method: 'GET', url: '/api/cases/not-a-uuid' });
  assert.equal(bad.statusCode, 400);
});

test('the clerk accepts at his hall; the reviewer queue lists the online application awaiting 受理, then open cases', async () => {
  const res = await who.clerk!.request({
    method: 'POST',
    url: `/api/cases/${counterCase.id}/accept`,
    payload: { version: counterCase.version },
  });
  assert.equal(res.statusCode, 200, res.body);
  const queue = await who.reviewer!.request({ method: 'GET', url: '/api/cases?queue=true' });
  const items = queue.json().items as { id: string; promisedDeadline: string }[];
  assert.deepEqual(
    items.map((i) => i.id),
    [onlineCase.id, counterCase.id],
  );
});

test('a suspension (特别程序) moves both deadlines by the working days it paused', async () => {
  const db = t.db.db;
  const created = (
    await who.company!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json();
  const [reviewer] = await db.select().from(accounts).where(eq(accounts.login, 'reviewer'));
  const actor = (await loadActor(db, reviewer!.id))!;
  const step = async (
    action: Parameters<typeof transitionCase>[0]['action'],
    version: number,
    today: string,
    input = {},
  ) => (await transitionCase({ db, actor, caseId: created.id, action, today, version, input })).case;
  // Monday 2026-03-02: 5 working days promised → Monday 2026-03-09.
  let c = await step('accept', created.version, '2026-03-02');
  assert.equal(c.promisedDeadline, '2026-03-09');
  assert.equal(c.legalDeadline, '2026-03-30');
  c = await step('start_review', c.version, '2026-03-02');
  c = await step('suspend', c.version, '2026-03-03', {
    procedure: 'inspection',
    reason: '现场核查经营场所',
    expectedEnd: '2026-03-06',
  });
  const refused = await step('approve', c.version, '2026-03-04').catch((e: { code: string }) => e.code);
  assert.equal(refused, 'case.transition_not_allowed', 'no decision while suspended');
  c = await step('resume', c.version, '2026-03-06');
  assert.equal(c.status, 'in_review');
  assert.equal(c.promisedDeadline, '2026-03-12', 'Tue–Fri paused: three working days later');
  assert.equal(c.legalDeadline, '2026-04-02');
  c = await step('approve', c.version, '2026-03-09');
  c = await step('conclude', c.version, '2026-03-10');
  assert.equal(c.workingDaysUsed, 3, 'six working days since acceptance, three of them paused');
});

test('an agent sees the cases he filed (with the consent) and nothing else; another agent sees none of them', async () => {
  const me = await who.agent!.request({ method: 'GET', url: '/api/auth/me' });
  const street: string = me.json().user.organisationId;
  const otherAgent = await makeStaff({
    db: t.db.db,
    organisationId: street,
    roles: [{ role: 'agent', organisationId: street }],
  });
  const other = await signInAs(t.app, otherAgent.login);
  const consent = {
    signedBy: '李秀兰',
    signedAt: '2026-03-02',
    method: 'written_authorisation',
    note: '授权委托书原件已存档',
  };
  const filed = await who.agent!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'person', login: '11010519491231002X', displayName: '李秀兰', phone: '13912345678' },
      consent,
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const agentCase = filed.json();
  assert.equal(agentCase.channel, 'agent');
  assert.deepEqual(agentCase.consent, consent);

  const listed = (b: Browser) =>
    b
      .request({ method: 'GET', url: '/api/cases' })
      .then((r) => r.json().items.map((c: { id: string }) => c.id));
  assert.deepEqual(await listed(who.agent!), [agentCase.id], 'the agent lists only what he filed');
  assert.deepEqual(await listed(other), []);
  assert.equal((await other.request({ method: 'GET', url: `/api/cases/${agentCase.id}` })).statusCode, 404);
  assert.ok((await listed(who.person!)).includes(agentCase.id), 'the applicant sees the case filed for him');
  assert.ok((await listed(who.reviewer!)).includes(agentCase.id), 'the department sees it');
  assert.ok(
    !(await listed(who.clerk!)).includes(agentCase.id),
    'taken at the street centre: not the city hall clerk’s',
  );
  const accept = await who.agent!.request({
    method: 'POST',
    url: `/api/cases/${agentCase.id}/accept`,
    payload: { version: agentCase.version },
  });
  assert.equal(accept.statusCode, 403, 'an agent does not accept');
});

test('an agent without the applicant’s consent files nothing and creates no account', async () => {
  const res = await who.agent!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'person', login: '61010219900101001X', displayName: '无授权', phone: '13912340000' },
    },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.field, 'consent');
  const [row] = await t.db.db.select().from(accounts).where(eq(accounts.login, '61010219900101001X'));
  assert.equal(row, undefined);
});
