import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { auditTrail, type Browser, signInAs } from '../../accounts/testing.ts';
import { seedDemoAccounts } from '../../demo/accounts.ts';
import { seedDemoOrganisations } from '../../demo/organisations.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import type { AuditContext } from '../service.ts';
import { keyFingerprint } from './key.ts';
import { checkpointSignatureValid, parseLine } from './line.ts';
import { checkpointSettings, rewriteRecordAndRehash } from './testing.ts';

const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'test' };

let t: TestApp;
let dir: ReturnType<typeof checkpointSettings>;
let admin: Browser;
let editor: Browser;

before(async () => {
  dir = checkpointSettings();
  t = await createTestApp({ env: { DATA_DIR: dir.dataDir } });
  const orgs = await seedDemoOrganisations({ db: t.db.db, audit: SYSTEM });
  await seedDemoAccounts({ db: t.db.db, audit: SYSTEM, orgs });
  admin = await signInAs(t.app, 'admin', 'demo1234');
  editor = await signInAs(t.app, 'editor', 'demo1234');
});
after(async () => {
  await t?.close();
  dir?.remove();
});

const publicGet = (url: string) => t.app.inject({ method: 'GET', url });

test('the public key is published before any checkpoint, without sign-in; the key file is created 0600', async () => {
  const res = await publicGet('/api/audit/checkpoints');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.items, []);
  assert.equal(body.algorithm, 'SM2-SM3');
  assert.equal(body.userId, '1234567812345678');
  assert.match(body.publicKey, /^04[0-9a-f]{128}$/);
  assert.equal(body.fingerprint, keyFingerprint(body.publicKey));
  assert.match(body.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
  const keyFile = `${dir.dataDir}/audit/checkpoint-key.json`;
  assert.equal(JSON.parse(fs.readFileSync(keyFile, 'utf8')).publicKey, body.publicKey);
  assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
});

test('a checkpoint on demand is for system administrators, and audited', async () => {
  const anonymous = await t.app.inject({ method: 'POST', url: '/api/audit/checkpoints' });
  assert.equal(anonymous.statusCode, 401);
  const forbidden = await editor.request({ method: 'POST', url: '/api/audit/checkpoints' });
  assert.equal(forbidden.statusCode, 403);
  assert.equal(forbidden.json().error.code, 'auth.forbidden');

  const res = await admin.request({ method: 'POST', url: '/api/audit/checkpoints' });
  assert.equal(res.statusCode, 201, res.body);
  const checkpoint = res.json();
  assert.ok(checkpoint.seq > 0);
  assert.equal(checkpoint.count, checkpoint.seq);
  assert.equal(checkpoint.previous, '0'.repeat(64));
  const [record] = await auditTrail(t.db.db, 'audit.checkpoint');
  assert.equal(record?.actorName, '王建国');
  assert.deepEqual(record?.summary, {
    seq: checkpoint.seq,
    headHash: checkpoint.headHash,
    lineHash: checkpoint.lineHash,
  });
});

test('anyone lists the checkpoints, newest first, each verifiable with the published key, and reads the whole log', async () => {
  const second = (await admin.request({ method: 'POST', url: '/api/audit/checkpoints' })).json();
  const res = await publicGet('/api/audit/checkpoints');
  assert.equal(res.statusCode, 200);
  const { items, publicKey } = res.json();
  assert.equal(items.length, 2);
  assert.deepEqual(items[0], second);
  assert.ok(items[0].seq > items[1].seq, 'the audit record of the first checkpoint moved the head');
  assert.equal(items[0].previous, items[1].lineHash);
  for (const item of items) {
    assert.equal(item.publicKey, publicKey);
    assert.equal(checkpointSignatureValid(item), true);
  }
  const latest = await publicGet('/api/audit/checkpoints?limit=1');
  assert.deepEqual(latest.json().items, [second]);
  const bad = await publicGet('/api/audit/checkpoints?limit=0');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'limit');

  const log = await publicGet('/api/audit/checkpoints/log');
  assert.equal(log.statusCode, 200);
  assert.match(log.headers['content-type'] as string, /^application\/x-ndjson/);
  const lines = log.body.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.equal(parseLine(lines[1]!, 2)?.lineHash, second.lineHash);
});

test('the verification API checks the chain against the checkpoints: a rewritten and re-hashed record is reported', async () => {
  const intact = await admin.request({ method: 'GET', url: '/api/audit/verify' });
  assert.equal(intact.statusCode, 200);
  assert.equal(intact.json().ok, true, intact.body);
  assert.equal(intact.json().checkpoints.checked, 2);
  assert.deepEqual(intact.json().checkpoints.problems, []);

  await rewriteRecordAndRehash(t.db.db, 2, { rewritten: true });
  const res = await admin.request({ method: 'GET', url: '/api/audit/verify' });
  const body = res.json();
  assert.equal(body.ok, false);
  assert.equal(body.brokenAt, null, 'the walk of the chain alone finds nothing');
  assert.deepEqual(
    body.checkpoints.problems.map((p: { line: number; problem: string }) => [p.line, p.problem]),
    [
      [1, 'hash_differs'],
      [2, 'hash_differs'],
    ],
  );
  assert.equal(body.checkpoints.problemCount, 2);
});
