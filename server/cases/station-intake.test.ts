import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../common/roles.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltMatter,
  buildApplicant,
  buildHall,
  buildIdNumber,
  buildMatter,
  buildOrganisation,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { actOn as act, queueIds, seesCase as sees } from './testing.ts';

/**
 * 15 分钟政务服务圈 at a community station: a city matter handed in at the station's counter is
 * pre-reviewed (受理) there and then reaches the competent city department's review queue, where it
 * is decided; the clerks of another station never see it.
 */

let t: TestApp;
let matter: BuiltMatter;
let stationHallId: string;
const who: Record<string, Browser> = {};

type Case = {
  id: string;
  version: number;
  status: string;
  channel: string;
  hallId: string | null;
  departmentId: string;
};

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  matter = await buildMatter(db, { regionCode: '610100' });
  const station = await buildOrganisation(db, { kind: 'community_station', regionCode: '610102001001' });
  stationHallId = (await buildHall(db, { organisationId: station.id, name: '民乐社区便民服务站' })).id;
  const sibling = await buildOrganisation(db, { kind: 'community_station', regionCode: '610102001003' });
  await buildHall(db, { organisationId: sibling.id, name: '红会社区便民服务站' });
  const staff = async (role: Role, organisationId: string) =>
    signIn(t.app, await buildStaff(db, { role, organisationId }));
  who.stationClerk = await staff('window_clerk', station.id);
  who.stationManager = await staff('hall_manager', station.id);
  who.siblingClerk = await staff('window_clerk', sibling.id);
  who.siblingManager = await staff('hall_manager', sibling.id);
  who.reviewer = await staff('department_reviewer', matter.departmentId);
  who.otherReviewer = await staff('department_reviewer', (await buildOrganisation(db)).id);
  who.stranger = await signIn(t.app, await buildApplicant(db));
});
after(async () => {
  await t?.close();
});

async function post(
  by: Browser,
  url: string,
  payload: Record<string, unknown>,
  status: number,
): Promise<Case> {
  const res = await by.request({ method: 'POST', url, payload });
  assert.equal(res.statusCode, status, `${url}: ${res.body}`);
  return res.json() as Case;
}

test('a community station’s clerk files a city matter at the station’s counter; it reaches the city department, which decides it', async () => {
  const filed = await post(
    who.stationClerk!,
    '/api/cases',
    {
      implementationId: matter.id,
      applicant: { kind: 'person', login: buildIdNumber(), displayName: '李秀兰', phone: '13709182233' },
    },
    201,
  );
  assert.equal(filed.channel, 'counter');
  assert.equal(filed.hallId, stationHallId, 'taken at the station');
  assert.equal(filed.departmentId, matter.departmentId, 'filed with the competent city department');

  const accepted = await act(who.stationClerk!, filed, 'accept');
  assert.equal(accepted.status, 'accepted');
  assert.ok((await queueIds(who.reviewer!)).includes(filed.id), 'in the city department’s review queue');
  assert.ok(!(await queueIds(who.otherReviewer!)).includes(filed.id));

  for (const outsider of ['siblingClerk', 'siblingManager', 'otherReviewer', 'stranger']) {
    assert.equal(await sees(who[outsider]!, filed.id), false, `${outsider} does not see it`);
  }
  assert.ok(await sees(who.stationManager!, filed.id), 'the station sees what it took');
  await act(who.siblingClerk!, accepted, 'approve', 404);
  await act(who.otherReviewer!, accepted, 'start-review', 404);

  const reviewing = await act(who.reviewer!, accepted, 'start-review');
  assert.equal(reviewing.status, 'in_review');
  const approved = await act(who.reviewer!, reviewing, 'approve');
  assert.equal(approved.status, 'approved');
  assert.ok(await sees(who.stationClerk!, filed.id), 'the station follows it to hand the result out');
});

test('a station running no hall has no counter: its clerk is told so, and a clerk who is also an agent files into the department’s queue', async () => {
  const db = t.db.db;
  const station = await buildOrganisation(db, { kind: 'community_station', regionCode: '610102001004' });
  const walkIn = () => ({
    kind: 'person',
    login: buildIdNumber(),
    displayName: '赵卫东',
    phone: '13609184455',
  });
  const clerk = await signIn(
    t.app,
    await buildStaff(db, { role: 'window_clerk', organisationId: station.id }),
  );
  const refused = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, applicant: walkIn() },
  });
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().error.code, 'case.no_counter');
  assert.match(refused.json().error.message, /没有在用的办事大厅/);

  const both = await signIn(
    t.app,
    await buildStaff(db, {
      role: 'window_clerk',
      roles: [{ role: 'agent', organisationId: station.id }],
      organisationId: station.id,
    }),
  );
  const withoutConsent = await both.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, applicant: walkIn() },
  });
  assert.equal(withoutConsent.statusCode, 400, withoutConsent.body);
  assert.equal(withoutConsent.json().error.field, 'consent');
  const filed = await post(
    both,
    '/api/cases',
    {
      implementationId: matter.id,
      applicant: walkIn(),
      consent: { signedBy: '赵卫东', signedAt: '2026-03-02', method: 'on_site_signature' },
    },
    201,
  );
  assert.equal(filed.channel, 'agent');
  assert.equal(filed.status, 'submitted');
  assert.ok((await queueIds(who.reviewer!)).includes(filed.id), 'awaiting the department’s 受理');
  assert.equal(await sees(who.siblingClerk!, filed.id), false);
  assert.equal((await act(who.reviewer!, filed, 'accept')).status, 'accepted');
});

test('a clerk files at the hall where the clerk holds the role, and so sees the case', async () => {
  const db = t.db.db;
  const street = await buildOrganisation(db, { kind: 'street_centre', regionCode: '610102005' });
  const streetHall = await buildHall(db, { organisationId: street.id });
  const station = await buildOrganisation(db, { kind: 'community_station', regionCode: '610102005004' });
  const stationHall = await buildHall(db, { organisationId: station.id });
  // Employed by the street centre, serving at the station's counter.
  const clerk = await signIn(
    t.app,
    await buildStaff(db, {
      roles: [{ role: 'window_clerk', organisationId: station.id }],
      organisationId: street.id,
    }),
  );
  const filed = await post(
    clerk,
    '/api/cases',
    {
      implementationId: matter.id,
      applicant: { kind: 'person', login: buildIdNumber(), displayName: '孙丽', phone: '13509186677' },
    },
    201,
  );
  assert.equal(filed.hallId, stationHall.id);
  assert.notEqual(filed.hallId, streetHall.id);
  assert.ok(await sees(clerk, filed.id));
  assert.equal((await act(clerk, filed, 'accept')).status, 'accepted');
});
