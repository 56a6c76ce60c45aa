import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildInspectorWorld } from './testing.ts';

/** Who may reach the staff routes of 体验官: supervisors the supervising ones, department staff their inbox. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildInspectorWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildInspectorWorld(t);
});
after(() => t?.close());

const id = randomUUID();
type Route = { method: 'GET' | 'POST'; url: string };
const SUPERVISOR_ROUTES: Route[] = [
  { method: 'GET', url: '/api/inspectors/applications' },
  { method: 'POST', url: `/api/inspectors/applications/${id}/decision` },
  { method: 'GET', url: '/api/inspectors/matters' },
  { method: 'GET', url: '/api/inspectors/departments' },
  { method: 'POST', url: '/api/inspectors/tasks' },
  { method: 'GET', url: '/api/inspectors/tasks' },
  { method: 'POST', url: `/api/inspectors/tasks/${id}/cancel` },
  { method: 'GET', url: '/api/inspectors/findings' },
  { method: 'POST', url: `/api/inspectors/findings/${id}/assign` },
  { method: 'POST', url: `/api/inspectors/findings/${id}/reject` },
];
const DEPARTMENT_ROUTES: Route[] = [
  { method: 'GET', url: '/api/inspectors/inbox' },
  { method: 'POST', url: `/api/inspectors/findings/${id}/rectify` },
];

/** A body the schema refuses: a 403 for it shows the guard ran before the body was read. */
const send = (who: Browser, route: Route) =>
  who.request({ ...route, ...(route.method === 'POST' ? { payload: { unexpected: '无效' } } : {}) });

const refused = async (who: Browser, routes: Route[], label: string) => {
  for (const route of routes) {
    const res = await send(who, route);
    assert.equal(res.statusCode, 403, `${label}: ${route.method} ${route.url}`);
    assert.equal(res.json().error.code, 'auth.forbidden', `${label}: ${route.method} ${route.url}`);
  }
};

test('citizens and department heads are refused every supervising route, before the body is read', async () => {
  await refused(w.citizen, SUPERVISOR_ROUTES, 'citizen');
  await refused(w.head, SUPERVISOR_ROUTES, 'department head');
});

test('citizens and supervisors are refused the departments’ routes, before the body is read', async () => {
  await refused(w.citizen, DEPARTMENT_ROUTES, 'citizen');
  await refused(w.supervisor, DEPARTMENT_ROUTES, 'supervisor');
});

test('signed out, every staff route answers 401', async () => {
  for (const route of [...SUPERVISOR_ROUTES, ...DEPARTMENT_ROUTES]) {
    const res = await t.app.inject({ ...route, ...(route.method === 'POST' ? { payload: {} } : {}) });
    assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
  }
});

test('the supervisor reaches the supervising routes and the head the department inbox; a bad body is a 400', async () => {
  assert.equal((await send(w.supervisor, SUPERVISOR_ROUTES[0]!)).statusCode, 200);
  assert.equal((await send(w.supervisor, SUPERVISOR_ROUTES[4]!)).statusCode, 400);
  assert.equal((await send(w.head, DEPARTMENT_ROUTES[0]!)).statusCode, 200);
  assert.equal((await send(w.head, DEPARTMENT_ROUTES[1]!)).statusCode, 400);
});
