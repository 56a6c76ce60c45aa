import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { isCreditCode, isResidentIdNumber } from '../../common/identity.ts';
import { accounts } from '../accounts/index.ts';
import { getPublishedGuide } from '../catalogue/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import {
  buildApplicant,
  buildCase,
  buildCertificate,
  buildCompany,
  buildCreditCode,
  buildHall,
  buildIdNumber,
  buildKiosk,
  buildMatter,
  buildOrganisation,
  buildStaff,
  signIn,
  uniqueSuffix,
} from './factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

const db = () => t.db.db;
const distinct = <T>(values: T[]) => new Set(values).size === values.length;

test('made-up ID numbers and credit codes pass their check digits and do not repeat', () => {
  const ids = Array.from({ length: 1000 }, () => buildIdNumber());
  const codes = Array.from({ length: 1000 }, () => buildCreditCode());
  assert.ok(ids.every(isResidentIdNumber), String(ids.find((id) => !isResidentIdNumber(id))));
  assert.ok(codes.every(isCreditCode), String(codes.find((c) => !isCreditCode(c))));
  assert.ok(distinct(ids), 'ID numbers');
  assert.ok(distinct(codes), 'credit codes');
  assert.ok(distinct(Array.from({ length: 1000 }, () => uniqueSuffix())), 'suffixes');
});

test('buildOrganisation and buildHall: valid rows, two calls do not collide', async () => {
  const [a, b] = [await buildOrganisation(db()), await buildOrganisation(db())];
  assert.equal(a.kind, 'department');
  assert.equal(a.regionName, '西安市');
  assert.notEqual(a.name, b.name);
  assert.notEqual(a.creditCode, b.creditCode);
  const street = await buildOrganisation(db(), { kind: 'street_centre' });
  assert.equal(street.regionCode, '610102001');
  const hall = await buildHall(db(), {
    windows: [{ number: '01', name: '综合受理窗口', kind: 'comprehensive' }],
  });
  const other = await buildHall(db());
  assert.equal(hall.windows.length, 1);
  assert.notEqual(hall.organisationId, other.organisationId);
  assert.notEqual(hall.name, other.name);
});

test('buildKiosk registers a kiosk in a hall of its own that identifies with its token', async () => {
  const [a, b] = [await buildKiosk(db()), await buildKiosk(db())];
  assert.notEqual(a.token, b.token);
  assert.notEqual(a.hallId, b.hallId);
  const device = await t.app.inject({
    method: 'GET',
    url: '/api/kiosk/device',
    headers: { 'x-kiosk-token': a.token },
  });
  assert.equal(device.statusCode, 200, device.body);
  assert.equal(device.json().hall.id, a.hallId);
});

test('buildApplicant and buildCompany register accounts that sign in, each unique', async () => {
  const people = [await buildApplicant(db()), await buildApplicant(db())];
  const companies = [await buildCompany(db()), await buildCompany(db(), { phone: null })];
  assert.ok(people.every((p) => p.kind === 'person' && isResidentIdNumber(p.login)));
  assert.ok(companies.every((c) => c.kind === 'company' && isCreditCode(c.login)));
  assert.ok(distinct([...people, ...companies].map((a) => a.login)));
  const [stored] = await db().select().from(accounts).where(eq(accounts.id, companies[1]!.id));
  assert.equal(stored!.phone, null);
  const [person] = await db().select().from(accounts).where(eq(accounts.id, people[0]!.id));
  assert.equal(person!.phone, people[0]!.phone);
  const browser = await signIn(t.app, people[0]!);
  const me = await browser.request({ method: 'GET', url: '/api/auth/me' });
  assert.equal(me.json().user.displayName, people[0]!.displayName);
});

test('buildStaff grants the role where the account works, region-wide roles in its region', async () => {
  const clerk = await buildStaff(db(), { role: 'window_clerk' });
  const supervisor = await buildStaff(db(), { role: 'supervisor' });
  assert.notEqual(clerk.login, supervisor.login);
  const roles = async (who: typeof clerk) =>
    (await (await signIn(t.app, who)).request({ method: 'GET', url: '/api/auth/me' })).json().user.roles;
  const [clerkRole] = await roles(clerk);
  assert.equal(clerkRole.role, 'window_clerk');
  assert.equal(clerkRole.organisationId, clerk.organisationId);
  const [supervisorRole] = await roles(supervisor);
  assert.equal(supervisorRole.role, 'supervisor');
  assert.equal(supervisorRole.regionCode, '610100');
});

test('buildMatter publishes a matter of its own department; two do not collide', async () => {
  const [a, b] = [
    await buildMatter(db()),
    await buildMatter(db(), { document: { serviceObject: 'person' } }),
  ];
  assert.notEqual(a.code, b.code);
  assert.notEqual(a.departmentId, b.departmentId);
  const guide = await getPublishedGuide(db(), a.id);
  assert.equal(guide.document.name, a.document.name);
  assert.equal((await getPublishedGuide(db(), b.id)).document.serviceObject, 'person');
});

test('buildCase files a case through the API and moves it on by the actions given', async () => {
  const submitted = await buildCase(t);
  assert.equal(submitted.status, 'submitted');
  assert.equal(submitted.applicant.kind, 'company');
  const accepted = await buildCase(t, { matter: submitted.matter, actions: ['accept'] });
  assert.equal(accepted.status, 'accepted');
  assert.notEqual(accepted.caseNo, submitted.caseNo);
  assert.notEqual(accepted.applicant.id, submitted.applicant.id);
});

test('buildCertificate issues a valid certificate the holder finds in the wallet; two do not collide', async () => {
  const company = await buildCompany(db());
  const [a, b] = [await buildCertificate(db(), { holder: company }), await buildCertificate(db())];
  assert.equal(a.status, 'issued');
  assert.equal(a.holderLogin, company.login);
  assert.notEqual(a.typeCode, b.typeCode);
  assert.notEqual(a.number, b.number);
  assert.equal(b.holderKind, 'person');
  const held = await (await signIn(t.app, company)).request({ method: 'GET', url: '/api/me/certificates' });
  assert.deepEqual(
    held.json().items.map((c: { id: string }) => c.id),
    [a.id],
  );
});
