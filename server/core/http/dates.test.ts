import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Browser } from '../../accounts/testing.ts';
import { FOOD_LICENCE, PDF } from '../../cases/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import {
  type BuiltAccount,
  buildCertificate,
  buildCompany,
  buildKiosk,
  buildMatter,
  buildOrganisation,
  buildStaff,
  signIn,
} from '../../testing/factories.ts';

let COMPANY: BuiltAccount;
let KIOSK_TOKEN: string;

let t: TestApp;
let dataDir: string;
let market: string;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-dates-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  market = (await buildOrganisation(t.db.db)).id;
  food = (await buildMatter(t.db.db, { departmentId: market, document: FOOD_LICENCE })).id;
  who.admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
  who.clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  COMPANY = await buildCompany(t.db.db);
  await buildCertificate(t.db.db, { holder: COMPANY });
  who.company = await signIn(t.app, COMPANY);
  KIOSK_TOKEN = (await buildKiosk(t.db.db)).token;
});
after(async () => {
  await t?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** A 400 that names the field, not a database error. */
function refused(res: LightMyRequestResponse, field: string): void {
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, field, res.body);
}

const NOT_A_DAY = ['2026-02-30', '2099-13-45', '0000-01-01'];

test('material statistics refuse a day that does not exist in from and to', async () => {
  for (const day of NOT_A_DAY) {
    refused(await t.app.inject({ method: 'GET', url: `/api/cases/material-statistics?from=${day}` }), 'from');
    refused(await t.app.inject({ method: 'GET', url: `/api/cases/material-statistics?to=${day}` }), 'to');
  }
  const fine = await t.app.inject({ method: 'GET', url: '/api/cases/material-statistics?from=2024-02-29' });
  assert.equal(fine.statusCode, 200, fine.body);
});

test('the audit trail refuses a time in the year 0', async () => {
  const res = await who.admin!.request({ method: 'GET', url: '/api/audit?from=0000-01-01T00:00:00Z' });
  refused(res, 'from');
  refused(await who.admin!.request({ method: 'GET', url: '/api/audit?to=0000-12-31T23:59:59Z' }), 'to');
});

test('a certificate authorisation refuses an expiry day that does not exist', async () => {
  const held = (await who.company!.request({ method: 'GET', url: '/api/me/certificates' })).json().items;
  assert.ok(held.length > 0, 'the company holds a certificate');
  for (const day of NOT_A_DAY) {
    const res = await who.company!.request({
      method: 'POST',
      url: `/api/me/certificates/${held[0].id}/authorisations`,
      payload: { organisationId: market, expiresOn: day },
    });
    refused(res, 'expiresOn');
  }
});

test('acceptance with gaps refuses a deadline that does not exist', async () => {
  const upload = await who.clerk!.request({
    method: 'POST',
    url: '/api/files?name=sqs.pdf',
    headers: { 'content-type': 'application/pdf' },
    payload: PDF('dates'),
  });
  assert.equal(upload.statusCode, 200, upload.body);
  const filed = await who.clerk!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: COMPANY.login, displayName: COMPANY.displayName },
      materials: [{ key: 'sqs', sha256: upload.json().sha256, fileName: '申请书.pdf' }],
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const c = filed.json();
  for (const day of ['2099-02-30', '2099-13-45']) {
    const res = await who.clerk!.request({
      method: 'POST',
      url: `/api/cases/${c.id}/accept-with-gaps`,
      payload: { version: c.version, gaps: ['zscl'], gapDeadline: day },
    });
    refused(res, 'gapDeadline');
  }
});

test('the kiosk refuses an ID card valid until a day that does not exist', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/kiosk/identify',
    headers: { 'x-kiosk-token': KIOSK_TOKEN },
    payload: { name: '李秀兰', idNumber: '11010519491231002X', validUntil: '2099-13-45' },
  });
  refused(res, 'validUntil');
});
