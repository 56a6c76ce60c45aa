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
 * 15 分钟政务服务圈: an application for a city matter taken at a street centre, by an agent (帮办代办)
 * or at the street centre's counter, reaches the city department that decides it.
 */

let t: TestApp;
let matter: BuiltMatter;
let streetHallId: string;
const who: Record<string, Browser> = {};

type Case = {
  id: string;
  version: number;
  status: string;
  channel: string;
  hallId: string | null;
  departmentId: string;
  promisedDeadline: string | null;
  timeline: { action: string; details: Record<string, unknown> }[];
};

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  matter = await buildMatter(db, { regionCode: '610100' });
  const street = await buildOrganisation(db, { kind: 'street_centre' });
  streetHallId = (await buildHall(db, { organisationId: street.id })).id;
  const otherStreet = await buildOrganisation(db, { kind: 'street_centre' });
  await buildHall(db, { organisationId: otherStreet.id });
  const otherDepartment = await buildOrganisation(db, { kind: 'department' });
  const staff = async (role: Role, organisationId: string) =>
    signIn(t.app, await buildStaff(db, { role, organisationId }));
  who.agent = await staff('agent', street.id);
  who.streetClerk = await staff('window_clerk', street.id);
  who.streetManager = await staff('hall_manager', street.id);
  who.reviewer = await staff('department_reviewer', matter.departmentId);
  who.head = await staff('department_head', matter.departmentId);
  who.otherAgent = await staff('agent', street.id);
  who.otherStreetClerk = await staff('window_clerk', otherStreet.id);
  who.otherReviewer = await staff('department_reviewer', otherDepartment.id);
  who.cityClerk = await staff('window_clerk', (await buildHall(db)).organisationId);
  who.stranger = await signIn(t.app, await buildApplicant(db));
});
after(async () => {
  await t?.close();
});

const walkIn = () => ({
  kind: 'person',
  login: buildIdNumber(),
  displayName: '王建国',
  phone: '13912340088',
});
const CONSENT = { signedBy: '王建国', signedAt: '2026-03-02', method: 'on_site_signature' };

async function apply(by: Browser, payload: Record<string, unknown>): Promise<Case> {
  const res = await by.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, ...payload },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Case;
}

/** Those who must not see a case taken at the street centre for the city department. */
const OUTSIDERS = ['otherAgent', 'otherStreetClerk', 'otherReviewer', 'cityClerk', 'stranger'];

test('an agent’s application for a city matter at a street centre waits in the city department’s queue, is accepted there, and nobody else sees it', async () => {
  const filed = await apply(who.agent!, { applicant: walkIn(), consent: CONSENT });
  assert.equal(filed.status, 'submitted');
  assert.equal(filed.channel, 'agent');
  assert.equal(filed.departmentId, matter.departmentId, 'filed with the competent city department');
  assert.equal(filed.hallId, streetHallId, 'taken at the street centre’s hall');
  assert.equal(filed.timeline[0]?.details.hallId, streetHallId, 'the timeline names where it was taken');

  const online = await apply(await signIn(t.app, await buildApplicant(t.db.db)), {});
  const queue = await queueIds(who.reviewer!);
  assert.ok(queue.includes(filed.id), 'in the department’s review queue');
  assert.ok(queue.indexOf(filed.id) < queue.indexOf(online.id), 'awaiting 受理 in order of submission');
  assert.ok((await queueIds(who.head!)).includes(filed.id));

  for (const outsider of OUTSIDERS) {
    assert.equal(await sees(who[outsider]!, filed.id), false, `${outsider} does not see it`);
    assert.ok(!(await queueIds(who[outsider]!)).includes(filed.id), `${outsider}'s queue lacks it`);
  }
  assert.ok(await sees(who.agent!, filed.id), 'the agent follows what he filed');
  assert.ok(await sees(who.streetManager!, filed.id), 'the street centre sees what was taken there');
  await act(who.agent!, filed, 'accept', 403);
  await act(who.otherReviewer!, filed, 'accept', 404);

  const accepted = await act(who.reviewer!, filed, 'accept');
  assert.equal(accepted.status, 'accepted');
  assert.ok(accepted.promisedDeadline, 'the clock runs from the department’s 受理');
  assert.ok((await queueIds(who.reviewer!)).includes(filed.id), 'an open case in the queue');
  const reviewing = await act(who.reviewer!, accepted, 'start-review');
  assert.equal(reviewing.status, 'in_review');
});

test('an agent whose organisation runs no hall files into the department’s queue all the same', async () => {
  const station = await buildOrganisation(t.db.db, { kind: 'community_station' });
  const agent = await signIn(t.app, await buildStaff(t.db.db, { role: 'agent', organisationId: station.id }));
  const filed = await apply(agent, { applicant: walkIn(), consent: CONSENT });
  assert.equal(filed.hallId, null);
  assert.ok((await queueIds(who.reviewer!)).includes(filed.id));
  assert.equal(await sees(who.streetClerk!, filed.id), false);
  assert.equal((await act(who.reviewer!, filed, 'accept')).status, 'accepted');
});

test('a street clerk’s application for a city matter is accepted at the counter and is then in the city department’s queue, seen by nobody else', async () => {
  const filed = await apply(who.streetClerk!, { applicant: walkIn() });
  assert.equal(filed.channel, 'counter');
  assert.equal(filed.hallId, streetHallId);
  assert.equal(filed.departmentId, matter.departmentId);
  assert.ok(!(await queueIds(who.reviewer!)).includes(filed.id), 'pre-reviewed at the counter that took it');

  const accepted = await act(who.streetClerk!, filed, 'accept');
  assert.equal(accepted.status, 'accepted');
  assert.ok((await queueIds(who.reviewer!)).includes(filed.id), 'in the department’s review queue');
  for (const outsider of [...OUTSIDERS, 'agent']) {
    assert.equal(await sees(who[outsider]!, filed.id), false, `${outsider} does not see it`);
  }
  await act(who.otherReviewer!, accepted, 'start-review', 404);
  const reviewing = await act(who.reviewer!, accepted, 'start-review');
  assert.equal(reviewing.status, 'in_review');
});
