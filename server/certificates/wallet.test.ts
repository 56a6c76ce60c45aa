import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from '../cases/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import type { CertificateView } from './types.ts';

const PERSON = '11010519491231002X';

let t: TestApp;
let clerk: Browser;
let reviewer: Browser;
let person: Browser;
let company: Browser;
let cityCentre: string;
let idCard: CertificateView;
let caseId: string;

const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);
const inDays = (days: number) =>
  new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function lookup(who: Browser, login = PERSON): Promise<CertificateView[]> {
  const res = await who.request({
    method: 'GET',
    url: `/api/certificates/lookup?holderKind=person&holderLogin=${login}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

async function authorise(body: Record<string, unknown>, status = 201) {
  const res = await person.request({
    method: 'POST',
    url: `/api/me/certificates/${idCard.id}/authorisations`,
    payload: body,
  });
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}

before(async () => {
  t = await createTestApp({ demo: true });
  cityCentre = (await sql("SELECT id FROM organisations WHERE short_name = '市政务服务中心'")).rows[0].id;
  const market = (await sql("SELECT id FROM organisations WHERE short_name = '市场监管局'")).rows[0].id;
  const food = await publishMatter(t.db.db, market, FOOD_LICENCE);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  person = await signInApplicant(t.app, 'person', PERSON);
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  const submitted = await person.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food },
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  caseId = submitted.json().id;
});
after(async () => {
  await t?.close();
});

test('the holder sees her certificates in the wallet; nobody else sees them', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/certificates' })).statusCode, 401);
  const res = await person.request({ method: 'GET', url: '/api/me/certificates' });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as CertificateView[];
  idCard = items.find((c) => c.typeName === '居民身份证')!;
  assert.ok(idCard, 'the demo resident holds her ID card');
  assert.equal(idCard.holderName, '李秀兰');
  const other = await company.request({ method: 'GET', url: `/api/certificates/${idCard.id}` });
  assert.equal(other.statusCode, 404, 'another applicant cannot open it');
  const otherFile = await company.request({ method: 'GET', url: `/api/certificates/${idCard.id}/file` });
  assert.equal(otherFile.statusCode, 404);
  const grant = await company.request({
    method: 'POST',
    url: `/api/me/certificates/${idCard.id}/authorisations`,
    payload: { organisationId: cityCentre, expiresOn: inDays(30) },
  });
  assert.equal(grant.statusCode, 404, 'nor authorise its use');
  const clerkOpens = await clerk.request({ method: 'GET', url: `/api/certificates/${idCard.id}` });
  assert.equal(clerkOpens.statusCode, 404, 'a clerk cannot open it by id either');
});

test('a clerk without an authorisation gets an empty answer, and the look-up is audited', async () => {
  assert.deepEqual(await lookup(clerk), []);
  const { rows } = await sql(
    "SELECT actor_name, summary FROM audit_records WHERE action = 'certificate.lookup' ORDER BY at DESC LIMIT 1",
  );
  assert.equal(rows[0].summary.holderLogin, '110105********002X', 'the ID number is masked in the audit');
  assert.deepEqual(rows[0].summary.answered, []);
  const invalid = await clerk.request({
    method: 'GET',
    url: '/api/certificates/lookup?holderKind=person&holderLogin=110105194912310021',
  });
  assert.equal(invalid.statusCode, 400, 'an invalid ID number is refused');
  const byApplicant = await company.request({
    method: 'GET',
    url: `/api/certificates/lookup?holderKind=person&holderLogin=${PERSON}`,
  });
  assert.equal(byApplicant.statusCode, 403, 'applicants do not look others up');
});

test('authorised to the clerk’s organisation: the clerk sees it until the holder revokes it', async () => {
  await authorise({ organisationId: cityCentre, expiresOn: inDays(-1) }, 400);
  await authorise({ organisationId: cityCentre, caseId, expiresOn: inDays(30) }, 400);
  const granted = await authorise({ organisationId: cityCentre, expiresOn: inDays(30) });
  assert.equal(granted.state, 'active');
  assert.equal(granted.organisationName, '西安市政务服务中心');
  const seen = await lookup(clerk);
  assert.deepEqual(
    seen.map((c) => c.number),
    [idCard.number],
  );
  assert.deepEqual(await lookup(reviewer), [], 'another organisation still sees nothing');
  const answered = await sql(
    "SELECT summary FROM audit_records WHERE action = 'certificate.lookup' ORDER BY at DESC LIMIT 2",
  );
  assert.deepEqual(
    answered.rows.map((r) => r.summary.answered),
    [[], [idCard.number]],
  );

  const url = `/api/me/certificates/${idCard.id}/authorisations/${granted.id}`;
  const revoked = await person.request({ method: 'DELETE', url });
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.equal(revoked.json().state, 'revoked');
  assert.deepEqual(await lookup(clerk), [], 'revoked: gone at once');
  const again = await person.request({ method: 'DELETE', url });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'certificate.authorisation_revoked');
});

test('authorised to a case: those who may see the case see the certificate, until the day it expires', async () => {
  const granted = await authorise({ caseId, expiresOn: inDays(7) });
  assert.match(granted.caseNo, /^610100-\d{8}-\d{6}$/);
  assert.deepEqual(
    (await lookup(reviewer)).map((c) => c.id),
    [idCard.id],
    'the reviewer of the case’s department',
  );
  assert.deepEqual(await lookup(clerk), [], 'the clerk of a hall the online case never passed does not');

  await sql('UPDATE certificate_authorisations SET expires_on = $2 WHERE id = $1', [granted.id, inDays(-1)]);
  assert.deepEqual(await lookup(reviewer), [], 'expired: no longer answered');
  const listed = await person.request({
    method: 'GET',
    url: `/api/me/certificates/${idCard.id}/authorisations`,
  });
  assert.equal(listed.statusCode, 200);
  assert.deepEqual((listed.json().items as { state: string }[]).map((a) => a.state).sort(), [
    'expired',
    'revoked',
  ]);
});

test('a case of someone else cannot be authorised', async () => {
  const res = await company.request({ method: 'GET', url: '/api/me/certificates' });
  const licence = (res.json().items as CertificateView[])[0]!;
  const foreign = await company.request({
    method: 'POST',
    url: `/api/me/certificates/${licence.id}/authorisations`,
    payload: { caseId, expiresOn: inDays(7) },
  });
  assert.equal(foreign.statusCode, 404, foreign.body);
});
