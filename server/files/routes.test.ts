import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltAccount, buildApplicant, buildStaff, signIn } from '../testing/factories.ts';

const LIMIT = 4096;
let t: TestApp;
let dataDir: string;
const applicants: Partial<Record<'person' | 'company', BuiltAccount>> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-file-routes-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, FILE_MAX_BYTES: String(LIMIT) } });
  applicants.person = await buildApplicant(t.db.db);
  applicants.company = await buildApplicant(t.db.db, { kind: 'company' });
});
after(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Session = Pick<Browser, 'request'>;

/** The applicant of this file of that kind, signed in. */
const applicant = (kind: 'person' | 'company'): Promise<Session> => signIn(t.app, applicants[kind]!);

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('route png')]);

const upload = (session: Session, content: Buffer, contentType: string, name = '身份证.pdf') =>
  session.request({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': contentType },
    payload: content,
  });

test('an applicant uploads a PNG declared as a PDF and reads it back as a PNG', async () => {
  const person = await applicant('person');
  const res = await upload(person, PNG, 'application/pdf');
  assert.equal(res.statusCode, 200, res.body);
  const stored = res.json();
  assert.equal(stored.mediaType, 'image/png');
  assert.equal(stored.size, PNG.length);
  assert.match(stored.sha256, /^[0-9a-f]{64}$/);

  const back = await person.request({ method: 'GET', url: `/api/files/${stored.sha256}` });
  assert.equal(back.statusCode, 200);
  assert.equal(back.headers['content-type'], 'image/png');
  assert.equal(back.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(back.rawPayload, PNG);
});

test('only the uploader and system administrators may download; others get a 404', async () => {
  const person = await applicant('person');
  const content = Buffer.concat([PNG, Buffer.from('private')]);
  const { sha256 } = (await upload(person, content, 'image/png')).json();

  const company = await applicant('company');
  assert.equal((await company.request({ method: 'GET', url: `/api/files/${sha256}` })).statusCode, 404);
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal((await clerk.request({ method: 'GET', url: `/api/files/${sha256}` })).statusCode, 404);
  const admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
  assert.equal((await admin.request({ method: 'GET', url: `/api/files/${sha256}` })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/files/${sha256}` })).statusCode, 401);

  // Uploading the same content makes the company an uploader too.
  await upload(company, content, 'application/octet-stream');
  assert.equal((await company.request({ method: 'GET', url: `/api/files/${sha256}` })).statusCode, 200);
  assert.equal((await admin.request({ method: 'GET', url: '/api/files/not-a-hash' })).statusCode, 400);
});

test('uploads are refused by content, by size and without sign-in', async () => {
  const person = await applicant('person');
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
  const renamed = await upload(person, exe, 'application/pdf', 'setup.exe.pdf');
  assert.equal(renamed.statusCode, 400);
  assert.equal(renamed.json().error.code, 'files.unsupported_type');
  assert.match(renamed.json().error.message, /只接受 PDF、JPG、PNG/);

  const tooLarge = await upload(person, Buffer.concat([PNG, Buffer.alloc(LIMIT)]), 'image/png');
  assert.equal(tooLarge.statusCode, 413);
  assert.equal(tooLarge.json().error.code, 'files.too_large');
  assert.match(tooLarge.json().error.message, /4 KB/);

  const text = await upload(person, Buffer.from('hello'), 'text/plain');
  assert.equal(text.json().error.code, 'files.unsupported_type');
  assert.equal((await upload(person, PNG, 'video/mp4')).statusCode, 415);
  assert.equal((await upload(person, Buffer.alloc(0), 'image/png')).json().error.code, 'files.empty');

  const anonymous = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'image/png' },
    payload: PNG,
  });
  assert.equal(anonymous.statusCode, 401);
});

test('an upload without the CSRF token, or as JSON, is refused; a body of unannounced length is limited too', async () => {
  const person = await applicant('person');
  const forged = await person.request({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'image/png', 'x-csrf-token': 'forged' },
    payload: PNG,
  });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.json().error.code, 'auth.csrf_invalid');

  const json = await person.request({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'application/json' },
    payload: '{"file":"x"}',
  });
  assert.equal(json.statusCode, 400);
  assert.equal(json.json().error.code, 'files.unsupported_type');

  const unannounced = await person.request({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'image/png', 'transfer-encoding': 'chunked' },
    payload: Readable.from([PNG, Buffer.alloc(LIMIT)], { objectMode: false }),
  });
  assert.equal(unannounced.statusCode, 413, unannounced.body);
  assert.equal(unannounced.json().error.code, 'files.too_large');
  assert.deepEqual(await fs.readdir(path.join(dataDir, 'files', '.incoming')), []);
});
