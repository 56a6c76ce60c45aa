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
const act = (by: Browser, c: Case, action: string, status = 200) =>
  post(by, `/api/cases/${c.id}/${action}`, { version: c.version }, status);

async function queueIds(by: Browser): Promise<string[]> {
  const res = await by.request({ method: 'GET', url: '/api/cases?queue=true&limit=200' });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as { id: string }[]).map((c) => c.id);
}

async function sees(by: Browser, id: string): Promise<boolean> {
  const one = await by.request({ method: 'GET', url: `/api/cases/${id}` });
  const list = await by.request({ method: 'GET', url: '/api/cases?limit=200' });
  const listed = (list.json().items as { id: string }[]).some((c) => c.id === id);
  assert.equal(listed, one.statusCode === 200, 'the list agrees with the case page');
  if (one.statusCode !== 200) assert.equal(one.statusCode, 404, one.body);
  return one.statusCode === 200;
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
