import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createStaffAccount } from '../accounts/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation } from '../testing/factories.ts';
import { type AuditContext, recordAudit } from './service.ts';

const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'test' };
const PASSWORD = 'audit-test-1234';

let t: TestApp;
let xincheng: string;
let beilin: string;
const ids: Record<string, string> = {};

async function serviceCentre(region: string): Promise<string> {
  return (await buildOrganisation(t.db.db, { kind: 'service_centre', regionCode: region })).id;
}

function actorIn(organisationId: string, accountId: string): Actor {
  return { accountId, kind: 'staff', login: 'x', displayName: '测试', organisationId, grants: [] };
}

before(async () => {
  t = await createTestApp();
  const city = await serviceCentre('610100');
  xincheng = await serviceCentre('610102');
  beilin = await serviceCentre('610103');
  const accounts = [
    {
      login: 'audit_admin',
      organisationId: city,
      roles: [{ role: 'system_admin' as const, regionCode: '610100' }],
    },
    {
      login: 'audit_sup',
      organisationId: xincheng,
      roles: [{ role: 'supervisor' as const, regionCode: '610102' }],
    },
    {
      login: 'audit_clerk',
      organisationId: xincheng,
      roles: [{ role: 'window_clerk' as const, organisationId: xincheng }],
    },
  ];
  for (const input of accounts) {
    const created = await createStaffAccount({
      db: t.db.db,
      audit: SYSTEM,
      input: { ...input, displayName: input.login, password: PASSWORD },
    });
    ids[input.login] = created.id;
  }
  // Work done in the two districts by their own staff.
  for (const [org, action, target] of [
    [xincheng, 'test.case_a', 'xc-1'],
    [beilin, 'test.case_b', 'bl-1'],
    [beilin, 'test.caseXb', 'bl-2'],
  ] as const) {
    await t.db.db.transaction((tx) =>
      recordAudit(
        tx,
        { ...SYSTEM, actor: actorIn(org, ids.audit_clerk!) },
        { action, targetType: 'case', targetId: target, summary: { note: '测试' } },
      ),
    );
  }
});
after(async () => {
  await t.close();
});

async function signIn(username: string): Promise<Record<string, string>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!;
  return { cookie: `yw_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() };
}

type Item = {
  seq: number;
  action: string;
  targetId: string | null;
  organisationId: string | null;
  actorId: string;
};

test('the trail is for signed-in readers with audit.read only', async () => {
  const anonymous = await get('/api/audit');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error.code, 'auth.required');
  const clerk = await get('/api/audit', await signIn('audit_clerk'));
  assert.equal(clerk.status, 403);
  assert.equal(clerk.body.error.code, 'auth.forbidden');
  assert.equal((await get('/api/audit/verify', await signIn('audit_clerk'))).status, 403);
});

test('an administrator sees records of every organisation of the region and platform records, newest first', async () => {
  const admin = await signIn('audit_admin');
  const all = await get('/api/audit?limit=200', admin);
  assert.equal(all.status, 200);
  const items = all.body.items as Item[];
  assert.equal(all.body.total, items.length);
  const targets = new Set(items.map((i) => i.targetId));
  for (const target of ['xc-1', 'bl-1', 'bl-2']) assert.ok(targets.has(target), target);
  assert.ok(
    items.some((i) => i.organisationId === null),
    'platform records (demo data loading) are visible',
  );
  assert.ok(
    items.some((i) => i.actorId === ids.audit_admin),
    'the admin sees its own sign-in',
  );
  const seqs = items.map((i) => i.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => b - a),
  );
  const first = items[0] as Item & { hash: string; prevHash: string; at: string };
  assert.match(first.hash, /^[0-9a-f]{64}$/);
  assert.ok(!Number.isNaN(Date.parse(first.at)));
});

test('filters: action prefix (with LIKE characters taken literally), target, actor, time, pagination', async () => {
  const admin = await signIn('audit_admin');
  const prefix = await get('/api/audit?action=test.', admin);
  assert.deepEqual((prefix.body.items as Item[]).map((i) => i.targetId).sort(), ['bl-1', 'bl-2', 'xc-1']);
  const literal = await get('/api/audit?action=test.case_', admin);
  assert.deepEqual((literal.body.items as Item[]).map((i) => i.targetId).sort(), ['bl-1', 'xc-1']);
  const target = await get('/api/audit?targetType=case&targetId=bl-2', admin);
  assert.deepEqual(
    (target.body.items as Item[]).map((i) => i.action),
    ['test.caseXb'],
  );
  const byActor = await get(`/api/audit?actorId=${ids.audit_admin}`, admin);
  assert.ok(byActor.body.total >= 1);
  assert.ok((byActor.body.items as Item[]).every((i) => i.actorId === ids.audit_admin));

  const past = await get('/api/audit?to=2000-01-01T00:00:00Z', admin);
  assert.equal(past.body.total, 0);
  const future = await get(
    `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    admin,
  );
  assert.equal(future.body.total, 0);

  const page1 = await get('/api/audit?limit=2&offset=0', admin);
  const page2 = await get('/api/audit?limit=2&offset=2', admin);
  assert.equal(page1.body.items.length, 2);
  assert.equal(page1.body.total, page2.body.total);
  assert.ok(page1.body.items[1].seq > page2.body.items[0].seq);
});

test("a supervisor sees only his region's organisations and his own actions", async () => {
  const supervisor = await signIn('audit_sup');
  const res = await get('/api/audit?limit=200', supervisor);
  assert.equal(res.status, 200);
  const items = res.body.items as Item[];
  const targets = items.map((i) => i.targetId);
  assert.ok(targets.includes('xc-1'));
  assert.ok(!targets.includes('bl-1') && !targets.includes('bl-2'), 'not 碑林区');
  assert.ok(
    items.every((i) => i.organisationId === xincheng || i.actorId === ids.audit_sup),
    'nothing else',
  );
  assert.ok(
    items.some((i) => i.actorId === ids.audit_sup),
    'his own sign-in',
  );
  assert.ok(
    !items.some((i) => i.organisationId === null && i.actorId !== ids.audit_sup),
    'no platform records',
  );
  assert.equal(
    (await get('/api/audit/verify', supervisor)).status,
    403,
    'verification is for administrators',
  );
});

test('the verification API reports an intact chain, then the record a superuser altered', async () => {
  const admin = await signIn('audit_admin');
  const intact = await get('/api/audit/verify', admin);
  assert.equal(intact.status, 200);
  assert.equal(intact.body.ok, true);
  assert.ok(intact.body.checked > 3);
  assert.equal(intact.body.brokenAt, null);
  const [row] = (
    await t.db.db.execute<{ seq: string }>(sql`SELECT seq FROM audit_records WHERE target_id = 'bl-1'`)
  ).rows;
  const seq = Number(row!.seq);
  await t.db.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_records DISABLE TRIGGER USER`);
    await tx.execute(sql`UPDATE audit_records SET actor_name = '别人' WHERE seq = ${seq}`);
    await tx.execute(sql`ALTER TABLE audit_records ENABLE TRIGGER USER`);
  });
  const broken = await get('/api/audit/verify', admin);
  assert.equal(broken.status, 200);
  assert.equal(broken.body.ok, false);
  assert.deepEqual(broken.body.brokenAt, { seq, problem: 'content_altered' });
  assert.equal(broken.body.headSeq, seq - 1);
});
