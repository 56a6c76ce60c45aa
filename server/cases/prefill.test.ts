import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import { accounts, findOrCreateWalkInApplicant } from '../accounts/index.ts';
import { auditTrail, type Browser, signInAs } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { sampleMaterial } from '../catalogue/testing.ts';
import { grantAuthorisation, issueCertificate } from '../certificates/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { demoCompanies, demoPersons } from '../demo/registries.ts';
import { DEMO_AUDIT } from '../demo/seed.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { caseSight } from './index.ts';
import { publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let market: string;
let food: string;
let clerk: Browser;

/** 食品经营许可 as a company applies for it: 营业执照 and the representative's ID from certificates. */
const MATERIALS = [
  sampleMaterial(),
  sampleMaterial({
    key: 'yyzz',
    name: '营业执照',
    type: 'electronic',
    source: 'e_certificate',
    certificateType: '营业执照',
  }),
  sampleMaterial({ key: 'zscl', name: '经营场所使用证明' }),
  sampleMaterial({
    key: 'fddbr',
    name: '法定代表人（负责人）身份证件',
    type: 'electronic',
    source: 'e_certificate',
    certificateType: '居民身份证',
  }),
];

/** A company that is in neither base and holds no certificate yet. */
const NEW_COMPANY = {
  kind: 'company',
  login: withCreditCheckCharacter('91610102MA6TQ0001'),
  displayName: '西安秦味餐饮管理有限公司',
};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-prefill-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const db = t.db.db;
  market = (await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局')))[0]!.id;
  food = await publishMatter(db, market, { materials: MATERIALS });
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Found = { source: string; ref: string; label: string; earlierCase?: { caseNo: string } };
type Prefill = { items: { key: string; found: Found | null }[]; found: number; toUpload: number };
type Case = {
  id: string;
  caseNo: string;
  version: number;
  materialCounts: { reused: number; uploaded: number };
  materials: {
    key: string;
    supplied: boolean;
    files: {
      source: string;
      fileName: string;
      sha256: string | null;
      reference: Record<string, unknown> | null;
    }[];
  }[];
};

async function prefillAtCounter(login: string, kind = 'company'): Promise<Prefill> {
  const res = await clerk.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${food}&applicantKind=${kind}&applicantLogin=${login}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const foundOf = (p: Prefill, key: string) => p.items.find((i) => i.key === key)!.found;
/** A file the clerk uploaded for the material. */
const upload = (key: string, n: number) => uploadedMaterial(clerk, key, `${key} ${n}`);
const reuse = (p: Prefill, key: string) => ({
  key,
  reuse: foundOf(p, key)!.source,
  ref: foundOf(p, key)!.ref,
});

async function submitAtCounter(materials: unknown[], applicant: Record<string, string> = NEW_COMPANY) {
  return clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, applicant, materials },
  });
}

/** The company authorises the clerk's service centre to use a certificate (用证授权), as it would from its wallet. */
async function authoriseCentre(login: string, certificateId: string): Promise<void> {
  const [clerkAccount] = await t.db.db.select().from(accounts).where(eq(accounts.login, 'clerk'));
  const accountId = await findOrCreateWalkInApplicant({
    db: t.db.db,
    audit: DEMO_AUDIT,
    input: { kind: 'company', login, displayName: '用证授权的企业' },
  });
  await grantAuthorisation({
    db: t.db.db,
    audit: DEMO_AUDIT,
    holder: {
      accountId,
      kind: 'company',
      login,
      displayName: login,
      organisationId: null,
      grants: [],
    },
    caseSight,
    certificateId,
    grant: { organisationId: clerkAccount!.organisationId!, expiresOn: '2099-12-31' },
  });
}

let first: Case;

test('a first application of a company nobody knows yet has every material to upload', async () => {
  const prefill = await prefillAtCounter(NEW_COMPANY.login);
  assert.deepEqual(
    prefill.items.map((i) => i.found),
    [null, null, null, null],
  );
  assert.equal(prefill.toUpload, 4);
  const res = await submitAtCounter([
    await upload('sqs', 1),
    await upload('yyzz', 2),
    await upload('zscl', 3),
    await upload('fddbr', 4),
  ]);
  assert.equal(res.statusCode, 201, res.body);
  first = res.json();
  assert.deepEqual(first.materialCounts, { reused: 0, uploaded: 4 });
});

test('a second application reuses the files of the accepted first one, but never its application form', async () => {
  const before = await prefillAtCounter(NEW_COMPANY.login);
  assert.equal(before.found, 0, 'the first case is not accepted yet: nothing of it is reused');
  const accepted = await clerk.request({
    method: 'POST',
    url: `/api/cases/${first.id}/accept`,
    payload: { version: first.version },
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const prefill = await prefillAtCounter(NEW_COMPANY.login);
  assert.equal(foundOf(prefill, 'sqs'), null, 'an application form is made out for each application');
  assert.equal(foundOf(prefill, 'zscl')?.source, 'shared_case');
  assert.equal(foundOf(prefill, 'zscl')?.earlierCase?.caseNo, first.caseNo);
  assert.equal(foundOf(prefill, 'yyzz')?.source, 'shared_case', 'no certificate yet: the earlier scan');
});

test('a company that holds a 营业执照 gets it filled in and needs one upload fewer', async () => {
  const certificate = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: DEMO_AUDIT,
      typeName: '营业执照',
      organisationId: market,
      holder: { kind: 'company', login: NEW_COMPANY.login, name: NEW_COMPANY.displayName },
      data: { legalRepresentative: '王五', address: '西安市新城区东大街1号', establishedOn: '2024-05-06' },
    }),
  );
  const unauthorised = await prefillAtCounter(NEW_COMPANY.login);
  assert.notEqual(
    foundOf(unauthorised, 'yyzz')?.source,
    'e_certificate',
    'a clerk uses a certificate only when the holder authorised it (用证授权)',
  );
  await authoriseCentre(NEW_COMPANY.login, certificate.id);
  const held = await prefillAtCounter(NEW_COMPANY.login);
  assert.equal(
    foundOf(held, 'yyzz')?.source,
    'e_certificate',
    'the certificate comes before an earlier scan',
  );
  assert.equal(foundOf(held, 'yyzz')?.label, `营业执照（证照编号 ${certificate.number}）`);
  assert.equal(foundOf(held, 'yyzz')?.ref, certificate.id);

  // Compared with a company that holds no certificate and has no earlier case: one upload fewer.
  const other = withCreditCheckCharacter('91610102MA6TQ0002');
  const none = await prefillAtCounter(other);
  const otherLicence = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: DEMO_AUDIT,
      typeName: '营业执照',
      organisationId: market,
      holder: { kind: 'company', login: other, name: '西安长安商贸有限公司' },
      data: { legalRepresentative: '赵六' },
    }),
  );
  await authoriseCentre(other, otherLicence.id);
  const holding = await prefillAtCounter(other);
  assert.equal(none.toUpload, 4);
  assert.equal(holding.toUpload, 3, 'one upload fewer');
  assert.equal(foundOf(holding, 'yyzz')?.source, 'e_certificate');

  // The second application of the first company: the certificate and the earlier files, one upload.
  const res = await submitAtCounter([
    await upload('sqs', 5),
    reuse(held, 'yyzz'),
    reuse(held, 'zscl'),
    reuse(held, 'fddbr'),
  ]);
  assert.equal(res.statusCode, 201, res.body);
  const second: Case = res.json();
  assert.deepEqual(second.materialCounts, { reused: 3, uploaded: 1 });
  const files = (key: string) => second.materials.find((m) => m.key === key)!.files;
  assert.equal(files('yyzz')[0]!.source, 'e_certificate');
  assert.equal(files('yyzz')[0]!.sha256, null, 'a reference, no file');
  assert.equal(files('yyzz')[0]!.reference?.number, certificate.number);
  assert.equal(files('zscl')[0]!.source, 'shared_case');
  const earlier = (await upload('zscl', 3)).sha256;
  assert.equal(files('zscl')[0]!.sha256, earlier, 'the earlier file itself');
  assert.equal(files('zscl')[0]!.reference?.caseNo, first.caseNo);
  assert.ok(second.materials.every((m) => m.supplied));
});

test('a reference that is not the applicant’s, or no longer current, is refused', async () => {
  const prefill = await prefillAtCounter(NEW_COMPANY.login);
  const forged = await submitAtCounter([
    await upload('sqs', 6),
    { key: 'yyzz', reuse: 'e_certificate', ref: '00000000-0000-4000-8000-000000000000' },
  ]);
  assert.equal(forged.statusCode, 409, forged.body);
  assert.equal(forged.json().error.code, 'case.prefill_not_current');
  assert.match(forged.json().error.message, /营业执照/);
  const someoneElse = await submitAtCounter([reuse(prefill, 'zscl')], {
    kind: 'company',
    login: withCreditCheckCharacter('91610102MA6TQ0003'),
    displayName: '西安另一家有限公司',
  });
  assert.equal(someoneElse.statusCode, 409, 'another applicant cannot take over these files');
});

test('the legal-entity and population bases fill in 营业执照 and the representative’s ID when no certificate exists', async () => {
  const persons = demoPersons();
  const company = demoCompanies(persons).find(
    (c) => c.status === '存续' && c.creditCode !== '91350100M000100Y43',
  )!;
  const prefill = await prefillAtCounter(company.creditCode);
  const licence = foundOf(prefill, 'yyzz');
  assert.equal(licence?.source, 'registry');
  assert.equal(licence?.label, `法人库：${company.name}（统一社会信用代码 ${company.creditCode}）`);
  const representative = foundOf(prefill, 'fddbr');
  assert.equal(representative?.source, 'registry');
  assert.match(
    representative!.label,
    new RegExp(`^人口库：${company.legalRepresentative}（法定代表人 \\d{6}\\*+[\\dX]{4}）$`),
  );
  assert.ok(
    !JSON.stringify(prefill).includes(company.legalRepresentativeIdNumber!),
    'the ID number is masked',
  );
  const [record] = (await auditTrail(t.db.db, 'case.prefill_lookup')).slice(-1);
  assert.equal(
    (record!.summary as { login: string }).login,
    company.creditCode,
    'the clerk’s look-up is audited',
  );
  const res = await submitAtCounter(
    [await upload('sqs', 7), await upload('zscl', 8), reuse(prefill, 'yyzz'), reuse(prefill, 'fddbr')],
    { kind: 'company', login: company.creditCode, displayName: company.name },
  );
  assert.equal(res.statusCode, 201, res.body);
  const filed: Case = res.json();
  assert.deepEqual(filed.materialCounts, { reused: 2, uploaded: 2 });
  const taken = filed.materials.find((m) => m.key === 'yyzz')!.files[0]!;
  assert.equal(taken.source, 'registry');
  assert.equal(taken.fileName, `法人库：${company.name}（统一社会信用代码 ${company.creditCode}）`);
  assert.ok(!res.body.includes(company.legalRepresentativeIdNumber!), 'the case shows the ID number masked');
});

test('an applicant prefills only his own application', async () => {
  const person = await signInApplicant(t.app, 'person', '11010519491231002X');
  const own = await person.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${food}` });
  assert.equal(own.statusCode, 200, own.body);
  const other = await person.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${food}&applicantKind=company&applicantLogin=91350100M000100Y43`,
  });
  assert.equal(other.statusCode, 403);
  const anonymous = await t.app.inject({ method: 'GET', url: `/api/cases/prefill?implementationId=${food}` });
  assert.equal(anonymous.statusCode, 401);
});

test('材料减免率 per matter, department and region counts reused and uploaded materials', async () => {
  // The cases filed today: this file's own (the demo's year of cases was filed before today).
  const today = todayInChina();
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/cases/material-statistics?region=610100&subtree=true&from=${today}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  const stats = res.json();
  const matter = stats.byMatter.find((m: { implementationId: string }) => m.implementationId === food);
  // Three cases: 4 uploads; 1 upload and 3 reused; 2 uploads and 2 from the bases → 5 of 12 not submitted.
  assert.deepEqual(
    { cases: matter.cases, reused: matter.reused, uploaded: matter.uploaded, rate: matter.reductionRate },
    { cases: 3, reused: 5, uploaded: 7, rate: 0.4167 },
  );
  assert.equal(matter.casesWithReuse, 2);
  assert.deepEqual(stats.bySource, { e_certificate: 1, shared_case: 2, registry: 2 });
  const department = stats.byDepartment.find((d: { departmentId: string }) => d.departmentId === market);
  assert.equal(department.reductionRate, 0.4167);
  assert.equal(stats.byRegion[0].regionName, '西安市');
  const elsewhere = await t.app.inject({
    method: 'GET',
    url: `/api/cases/material-statistics?region=610102&from=${today}`,
  });
  assert.equal(elsewhere.json().cases, 0, 'the cases are 西安市’s, not 新城区’s');
  assert.equal(elsewhere.json().reductionRate, null, 'no materials: no rate (0 / 0), not 0 %');
});
