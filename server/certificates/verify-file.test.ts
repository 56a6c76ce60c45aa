import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInApplicant } from '../cases/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import type { CertificateView } from './types.ts';

let t: TestApp;
let file: Record<string, unknown>;

const verifyFile = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/verify/file', payload: body as Record<string, unknown> });

before(async () => {
  t = await createTestApp({ demo: true });
  const company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  const wallet = await company.request({ method: 'GET', url: '/api/me/certificates' });
  const licence = (wallet.json().items as CertificateView[]).find((c) => c.typeName === '营业执照')!;
  const res = await company.request({ method: 'GET', url: `/api/certificates/${licence.id}/file` });
  assert.equal(res.statusCode, 200, res.body);
  file = res.json();
});
after(async () => {
  await t?.close();
});

test('anyone can verify a downloaded certificate file: its seal holds and the certificate is current', async () => {
  const res = await verifyFile(file);
  assert.equal(res.statusCode, 200, res.body);
  const answer = res.json();
  assert.equal(answer.sealed, true);
  assert.equal(answer.problem, null);
  assert.match(answer.keyId, /.+/);
  assert.equal(answer.current.result, 'authentic');
  assert.equal(answer.current.certificate.typeName, '营业执照');
});

test('one changed character in the file breaks its seal, and then nothing is said of any certificate', async () => {
  const altered = structuredClone(file) as { certificate: { holder: { name: string } } };
  altered.certificate.holder.name = `${altered.certificate.holder.name}X`;
  const res = await verifyFile(altered);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { sealed: false, problem: 'signature_invalid', keyId: null, current: null });
});

test('something that is not a certificate file is reported as malformed', async () => {
  const res = await verifyFile({ hello: 'world' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().problem, 'malformed');
  assert.equal(res.json().sealed, false);
});
