import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { type Browser, signInAs, TEST_AUDIT } from '../accounts/testing.ts';
import { ON_THE_SPOT, publishMatter, signInApplicant, uploadedMaterial } from '../cases/testing.ts';
import { type CertificateFile, type PublishedKey, verifyCertificateFile } from '../core/crypto/signed.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { findCertificateType, issueCertificate } from './index.ts';
import { decryptPrivateKey, useSealKeySecret } from './keys.ts';
import type { CertificateView, PublicVerification } from './types.ts';

const run = promisify(execFile);
const COMPANY = '91350100M000100Y43';

let t: TestApp;
let clerk: Browser;
let head: Browser;
let reviewer: Browser;
let admin: Browser;
let company: Browser;
let market: string;
let immediate: string;
/** The 食品经营许可证 issued when the first case concluded. */
let licence: CertificateView;
let tmp: string;

type Case = { id: string; version: number; status: string };

async function act(c: Case, action: string, body: Record<string, unknown> = {}): Promise<Case> {
  const res = await clerk.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json() as Case;
}

/** A 即办件 at the window for the demo company, concluded: its certificate is issued on conclusion. */
async function concludeAtWindow(formData: Record<string, string>): Promise<Case> {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: immediate,
      applicant: { kind: 'company', login: COMPANY, displayName: '福州闽江数字科技有限公司' },
      formData,
      materials: [await uploadedMaterial(clerk, 'sqs')],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  let c = res.json() as Case;
  c = await act(c, 'accept');
  c = await act(c, 'approve');
  return act(c, 'conclude');
}

async function wallet(): Promise<CertificateView[]> {
  const res = await company.request({ method: 'GET', url: '/api/me/certificates' });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

async function verify(code: string): Promise<PublicVerification> {
  const res = await t.app.inject({ method: 'GET', url: `/api/verify/${code}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function keys(): Promise<PublishedKey[]> {
  return (await t.app.inject({ method: 'GET', url: '/api/certificates/keys' })).json().keys;
}

async function download(id: string): Promise<CertificateFile> {
  const res = await company.request({ method: 'GET', url: `/api/certificates/${id}/file` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.headers['content-disposition'] as string, /attachment/);
  return JSON.parse(res.body);
}

const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);

before(async () => {
  t = await createTestApp({ demo: true });
  market = (await sql("SELECT id FROM organisations WHERE short_name = '市场监管局'")).rows[0].id;
  immediate = await publishMatter(t.db.db, market, ON_THE_SPOT);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  admin = await signInAs(t.app, 'admin', DEMO_PASSWORD);
  company = await signInApplicant(t.app, 'company', COMPANY);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cert-'));
});
after(async () => {
  await t?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a case concluding with a certificate result issues a sealed certificate that verifies', async () => {
  const c = await concludeAtWindow({ premises: '西安市新城区西一路218号', category: '餐饮服务经营者' });
  assert.equal(c.status, 'concluded');
  const held = await wallet();
  const issued = held.filter((x) => x.caseId === c.id);
  assert.equal(issued.length, 1, 'one certificate for the case');
  licence = issued[0]!;
  assert.equal(licence.typeName, '食品经营许可证');
  assert.match(licence.number, /^SPJY6101002\d{3}\d{6}$/);
  assert.equal(licence.status, 'issued');
  assert.equal(licence.issuerName, '西安市市场监督管理局');
  assert.equal(licence.holderName, '福州闽江数字科技有限公司');
  assert.equal(licence.data.premises, '西安市新城区西一路218号', 'form fields the type carries are on it');
  assert.equal(licence.data.creditCode, COMPANY, 'holder fields are filled in');
  const years = Number(licence.validUntil!.slice(0, 4)) - Number(licence.issuedAt.slice(0, 4));
  assert.ok(years === 4 || years === 5, `valid for five years, until ${licence.validUntil}`);
  assert.ok(
    held.some((x) => x.typeName === '营业执照'),
    'the demo company also holds its business licence',
  );

  const checked = await verify(licence.verificationCode);
  assert.equal(checked.result, 'authentic');
  assert.equal(checked.certificate?.number, licence.number);
  assert.equal(checked.certificate?.issuerName, '西安市市场监督管理局');
  const shown = Object.fromEntries(checked.certificate!.publicFields.map((f) => [f.label, f.value]));
  assert.equal(shown.名称, '福州闽江数字科技有限公司');
  assert.equal(shown.经营场所, '西安市新城区西一路218号');
});

test('one changed byte in the stored certificate makes it not authentic, and says nothing else', async () => {
  const before = (await sql('SELECT data FROM certificates WHERE id = $1', [licence.id])).rows[0].data;
  await sql(
    `UPDATE certificates SET data = jsonb_set(data, '{premises}', '"西安市新城区西一路219号"') WHERE id = $1`,
    [licence.id],
  );
  const forged = await verify(licence.verificationCode);
  assert.deepEqual(forged, { result: 'not_authentic' });
  await sql('UPDATE certificates SET data = $2 WHERE id = $1', [licence.id, before]);
  assert.equal((await verify(licence.verificationCode)).result, 'authentic', 'restored, it verifies again');

  await sql("UPDATE certificates SET holder_name = '福州闽江数字科技有限公同' WHERE id = $1", [licence.id]);
  assert.equal((await verify(licence.verificationCode)).result, 'not_authentic', 'the holder is sealed too');
  await sql("UPDATE certificates SET holder_name = '福州闽江数字科技有限公司' WHERE id = $1", [licence.id]);
});

test('an unknown or malformed code is not found, without any certificate', async () => {
  assert.deepEqual(await verify('ABCDEFGHJKLMNPQRSTUV'), { result: 'not_found' });
  assert.deepEqual(await verify('x'.repeat(20)), { result: 'not_found' });
  assert.deepEqual(
    await verify(licence.verificationCode.toLowerCase()),
    await verify(licence.verificationCode),
  );
});

test('the downloaded file verifies offline against the published keys; one changed byte fails', async () => {
  const file = await download(licence.id);
  const published = await keys();
  assert.deepEqual(verifyCertificateFile(file, published), {
    ok: true,
    key: published.find((k) => k.keyId === file.keyId),
  });
  const tampered = structuredClone(file);
  tampered.certificate.data.premises = '西安市新城区西一路219号';
  assert.deepEqual(verifyCertificateFile(tampered, published), { ok: false, problem: 'signature_invalid' });
  const otherKey = structuredClone(file);
  otherKey.certificate.keyId = otherKey.keyId = published.find((k) => k.keyId !== file.keyId)!.keyId;
  assert.equal(
    verifyCertificateFile(otherKey, published).ok,
    false,
    'another organisation’s key does not fit',
  );

  // The command: exit 0 authentic, 1 not authentic, 2 cannot verify.
  const keysFile = path.join(tmp, 'keys.json');
  fs.writeFileSync(keysFile, JSON.stringify({ keys: published }));
  const good = path.join(tmp, 'good.json');
  fs.writeFileSync(good, JSON.stringify(file));
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify(file).replace('西一路218号', '西一路219号'));
  const cli = (file: string) =>
    run(process.execPath, ['server/certificates/verify-cli.ts', file, '--keys', keysFile]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  const ok = await cli(good);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /AUTHENTIC/);
  const no = await cli(bad);
  assert.equal(no.code, 1, no.out);
  assert.match(no.out, /NOT AUTHENTIC/);
  const missing = await cli(path.join(tmp, 'none.json'));
  assert.equal(missing.code, 2, missing.out);
});

test('after a key rotation old certificates still verify and new ones are sealed with the new key', async () => {
  const oldFile = await download(licence.id);
  const denied = await head.request({
    method: 'POST',
    url: '/api/certificates/keys/rotate',
    payload: { organisationId: market },
  });
  assert.equal(denied.statusCode, 403, 'only administrators rotate seal keys');
  const rotated = await admin.request({
    method: 'POST',
    url: '/api/certificates/keys/rotate',
    payload: { organisationId: market },
  });
  assert.equal(rotated.statusCode, 200, rotated.body);
  const newKey = rotated.json() as PublishedKey;
  assert.notEqual(newKey.keyId, oldFile.keyId);
  const published = (await keys()).filter((k) => k.organisationId === market);
  assert.equal(published.length, 2, 'the retired key stays published');
  assert.ok(published.find((k) => k.keyId === oldFile.keyId)?.validTo, 'the old key is retired');

  assert.equal((await verify(licence.verificationCode)).result, 'authentic');
  assert.equal(verifyCertificateFile(oldFile, await keys()).ok, true);

  const renewed = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '特种设备使用登记证',
      organisationId: market,
      holder: { kind: 'company', login: COMPANY, name: '福州闽江数字科技有限公司' },
      data: { equipmentType: '电梯', equipmentCode: '3110610100201900001' },
    }),
  );
  const newFile = await download(renewed.id);
  assert.equal(newFile.keyId, newKey.keyId, 'sealed with the new key');
  assert.equal((await verify(renewed.verificationCode)).result, 'authentic');
  assert.equal(verifyCertificateFile(newFile, await keys()).ok, true);
});

test('a new licence supersedes the current one, which then shows changed', async () => {
  const c = await concludeAtWindow({ premises: '西安市新城区西一路220号', category: '餐饮服务经营者' });
  const held = await wallet();
  const renewed = held.find((x) => x.caseId === c.id)!;
  assert.equal(renewed.status, 'issued');
  assert.equal(held.find((x) => x.id === licence.id)?.status, 'changed');
  const old = await verify(licence.verificationCode);
  assert.equal(old.result, 'changed');
  assert.equal(old.certificate?.status, 'changed');
  licence = renewed;
});

test('a revoked certificate shows revoked; only the issuing department head or an administrator revokes', async () => {
  const url = `/api/certificates/${licence.id}/revoke`;
  const byReviewer = await reviewer.request({
    method: 'POST',
    url,
    payload: { reason: '以欺骗手段取得许可' },
  });
  assert.equal(byReviewer.statusCode, 403);
  const byClerk = await clerk.request({ method: 'POST', url, payload: { reason: '以欺骗手段取得许可' } });
  assert.equal(byClerk.statusCode, 404, 'the clerk cannot even see it');
  const res = await head.request({ method: 'POST', url, payload: { reason: '以欺骗手段取得许可' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'revoked');
  const shown = await verify(licence.verificationCode);
  assert.equal(shown.result, 'revoked');
  assert.equal(shown.certificate?.number, licence.number);
  const again = await head.request({ method: 'POST', url, payload: { reason: '重复' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'certificate.not_current');
  const audit = await sql("SELECT summary FROM audit_records WHERE action = 'certificate.revoke'");
  assert.equal(audit.rows[0].summary.reason, '以欺骗手段取得许可');
});

test('a certificate past its last valid day shows expired and is no longer current', async () => {
  const culture = (await sql("SELECT id FROM organisations WHERE short_name = '文旅局'")).rows[0].id;
  // The key must have been in use on the (past) day of issue.
  await sql("UPDATE seal_keys SET valid_from = '2010-01-01' WHERE organisation_id = $1", [culture]);
  const old = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '娱乐经营许可证',
      organisationId: culture,
      holder: { kind: 'company', login: COMPANY, name: '福州闽江数字科技有限公司' },
      data: {},
      now: new Date('2015-03-01T02:00:00Z'),
    }),
  );
  assert.equal(old.validUntil, '2017-02-28');
  assert.equal(old.status, 'expired');
  assert.equal((await verify(old.verificationCode)).result, 'expired');
  assert.ok(!(await wallet()).some((x) => x.id === old.id && x.status === 'issued'));
});

test('every certificate result of the demo catalogue names a registered certificate type', async () => {
  const { rows } = await sql(
    `SELECT DISTINCT document->'result'->>'name' AS name FROM implementation_versions
      WHERE document->'result'->>'type' = 'certificate'`,
  );
  assert.ok(rows.length > 40);
  const missing: string[] = [];
  for (const { name } of rows) if (!(await findCertificateType(t.db.db, name))) missing.push(name);
  assert.deepEqual(missing, []);
  const materials = await sql(
    `SELECT DISTINCT m->>'certificateType' AS name FROM implementation_versions,
       jsonb_array_elements(document->'materials') m WHERE m->>'source' = 'e_certificate'`,
  );
  const missingMaterials: string[] = [];
  for (const { name } of materials.rows) {
    if (!(await findCertificateType(t.db.db, name))) missingMaterials.push(name);
  }
  assert.deepEqual(missingMaterials, [], 'and every e-certificate material too');
});

test('private seal keys are stored encrypted and are useless under another SEAL_KEY_SECRET', async () => {
  const { rows } = await sql(
    'SELECT id, organisation_id, private_key_encrypted FROM seal_keys WHERE valid_to IS NULL',
  );
  assert.ok(rows.length >= 10, 'one key in use per issuing department');
  for (const row of rows) assert.match(row.private_key_encrypted, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  const police = (await sql("SELECT id FROM organisations WHERE short_name = '公安局'")).rows[0].id;
  const sealed = rows.find((r) => r.organisation_id === police)!;
  assert.equal(decryptPrivateKey(sealed.private_key_encrypted, sealed.id, police).length, 64);
  assert.throws(
    () => decryptPrivateKey(sealed.private_key_encrypted, sealed.id, market),
    /seal key cannot be decrypted/,
    'bound to its organisation',
  );
  useSealKeySecret('another-secret-of-this-platform');
  try {
    await assert.rejects(
      t.db.db.transaction((tx) =>
        issueCertificate({
          tx,
          audit: TEST_AUDIT,
          typeName: '居民身份证',
          organisationId: police,
          holder: { kind: 'person', login: '11010519491231002X', name: '李秀兰' },
          data: {},
        }),
      ),
      (e: Error & { code?: string }) => e.code === 'certificate.seal_key_unreadable',
    );
  } finally {
    useSealKeySecret(null);
  }
});
