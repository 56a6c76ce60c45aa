import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Browser, signInAs, TEST_AUDIT } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { cases } from '../cases/index.ts';
import { actOn, ON_THE_SPOT, publishMatter, signInApplicant, uploadedMaterial } from '../cases/testing.ts';
import { type CertificateFile, type PublishedKey, verifyCertificateFile } from '../core/crypto/signed.ts';
import type { Tx } from '../core/db/client.ts';
import { whenChanged } from '../core/db/gated.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { recordStatements, statementsOf } from '../testing/statements.ts';
import { type ConclusionCertificate, certificateOnConclusion } from './case-issue.ts';
import { importCertificateTypes } from './certificate-types.ts';
import { issueCertificate, lastValidDay } from './issue.ts';
import type { CertificateView, PublicVerification } from './types.ts';

/** How many statements issuing a certificate sends, and that what it issues is what it was. */
recordStatements();

/** Runs `work` in a transaction; gives its result and the statements sent inside it. */
async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<{ result: T; statements: string[] }> {
  let result: T | undefined;
  let statements: string[] = [];
  await t.db.db.transaction(async (tx) => {
    statements = await statementsOf(async () => {
      result = await work(tx);
    });
  });
  return { result: result as T, statements: statements.map((s) => s.replace(/\s+/g, ' ').trim()) };
}

const COMPANY = '91350100M000100Y43';
const COMPANY_NAME = '福州闽江数字科技有限公司';

/** Issues a certificate of the type to the demo company, from the market regulator, in `tx`. */
const issueToCompany = (tx: Tx, typeName: string, data: Record<string, string>) =>
  issueCertificate({
    tx,
    audit: TEST_AUDIT,
    typeName,
    organisationId: market,
    holder: { kind: 'company', login: COMPANY, name: COMPANY_NAME },
    data,
  });

let t: TestApp;
let clerk: Browser;
let company: Browser;
let market: string;
let immediate: string;

type Case = { id: string; version: number; status: string };

const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);

const act = (c: Case, action: string) => actOn(clerk, c, action);

/** A 食品经营许可证补办 at the window for the demo company, accepted and approved. */
async function approvedCase(formData: Record<string, string>): Promise<Case> {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: immediate,
      applicant: { kind: 'company', login: COMPANY, displayName: COMPANY_NAME },
      formData,
      materials: [await uploadedMaterial(clerk, 'sqs')],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return act(await act(res.json() as Case, 'accept'), 'approve');
}

async function verify(code: string): Promise<PublicVerification> {
  const res = await t.app.inject({ method: 'GET', url: `/api/verify/${code}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** The downloaded certificate file checked offline against the published keys. */
async function verifiesOffline(id: string): Promise<boolean> {
  const file = await company.request({ method: 'GET', url: `/api/certificates/${id}/file` });
  assert.equal(file.statusCode, 200, file.body);
  const keys = (await t.app.inject({ method: 'GET', url: '/api/certificates/keys' })).json().keys;
  return verifyCertificateFile(JSON.parse(file.body) as CertificateFile, keys as PublishedKey[]).ok;
}

const sequence = (number: string) => Number(number.slice(-6));

before(async () => {
  t = await createTestApp({ demo: true });
  market = (await sql("SELECT id FROM organisations WHERE short_name = '市场监管局'")).rows[0].id;
  immediate = await publishMatter(t.db.db, market, ON_THE_SPOT);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  company = await signInApplicant(t.app, 'company', COMPANY);
});
after(async () => {
  await t?.close();
});

test('a conclusion at the window issues its certificate with its own write: three statements in all, with the same content, seal and supersession', async () => {
  // The first through the whole conclusion (and the catalogue is read once in this process).
  const first = await act(await approvedCase({ premises: '西安市新城区西一路218号' }), 'conclude');
  assert.equal(first.status, 'concluded');
  const earlier = (
    await sql('SELECT id, number, verification_code FROM certificates WHERE case_id = $1', [first.id])
  ).rows[0];
  assert.ok(earlier, 'the conclusion issued a certificate');

  // The second: what the conclusion does for the certificate, counted.
  const c = await approvedCase({ premises: '西安市新城区东大街8号', category: '餐饮服务经营者' });
  const row = (await sql('SELECT * FROM cases WHERE id = $1', [c.id])).rows[0];
  let concluded: Case | undefined;
  const statements = await statementsOf(async () => {
    concluded = await act(c, 'conclude');
  });
  assert.equal(concluded!.status, 'concluded');
  assert.equal(
    statements.length,
    3,
    `the clerk's hall (who acts at a window), the holder with its certificates and the issuer with number and key, then one write: the case, its records, the certificate, the one it supersedes, the audit records:\n${statements.join('\n')}`,
  );
  assert.match(statements[2]!, /^with "changed" as \(update "cases"/);
  assert.match(statements[2]!, /insert into "certificates"/);
  assert.ok(!statements.some((s) => /from "certificate_types"/.test(s)), 'the catalogue is kept');

  const id = (await sql('SELECT id FROM certificates WHERE case_id = $1', [c.id])).rows[0].id;
  const shown = await company.request({ method: 'GET', url: `/api/certificates/${id}` });
  assert.equal(shown.statusCode, 200, shown.body);
  const certificate = shown.json() as CertificateView;
  const today = todayInChina();
  assert.match(certificate.number, new RegExp(`^SPJY610100${today.slice(0, 4)}\\d{6}$`));
  assert.equal(certificate.number.slice(0, -6), earlier.number.slice(0, -6));
  assert.equal(sequence(certificate.number), sequence(earlier.number) + 1, 'the next number of the counter');
  assert.equal(certificate.typeName, '食品经营许可证');
  assert.equal(certificate.holderName, COMPANY_NAME);
  assert.equal(certificate.issuerName, '西安市市场监督管理局');
  assert.equal(certificate.validUntil, lastValidDay(today, 5));
  assert.deepEqual(certificate.data, {
    matter: '食品经营许可证补办',
    caseNo: row.case_no,
    name: COMPANY_NAME,
    creditCode: COMPANY,
    legalRepresentative: '林海峰', // from the company's 营业执照
    address: '陕西省西安市新城区长乐中路128号3层', // its 住所, from the 营业执照 too
    premises: '西安市新城区东大街8号',
    category: '餐饮服务经营者',
    supervisor: '西安市市场监督管理局', // no form names where it operates: the issuer
    issuer: '西安市市场监督管理局',
    issuedOn: today,
    validUntil: lastValidDay(today, 5),
  });

  assert.equal((await verify(certificate.verificationCode)).result, 'authentic');
  assert.equal(await verifiesOffline(certificate.id), true);

  assert.equal(
    (await verify(earlier.verification_code)).result,
    'changed',
    'the earlier licence is replaced',
  );
  const links = await sql(
    'SELECT id, supersedes, superseded_by, status FROM certificates WHERE id = ANY($1)',
    [[earlier.id, certificate.id]],
  );
  const byId = new Map(links.rows.map((r) => [r.id, r]));
  assert.equal(byId.get(earlier.id).superseded_by, certificate.id);
  assert.equal(byId.get(certificate.id).supersedes, earlier.id);
  assert.equal(byId.get(certificate.id).status, 'issued');
  const audit = await sql(
    "SELECT summary FROM audit_records WHERE action = 'certificate.issue' AND target_id = $1",
    [certificate.id],
  );
  assert.deepEqual(audit.rows[0].summary.supersedes, [earlier.number]);
  assert.equal(audit.rows[0].summary.number, certificate.number);
});

test('a certificate superseded by field values replaces only the one with the same values', async () => {
  const issue = (equipmentCode: string) =>
    inTransaction((tx) => issueToCompany(tx, '特种设备使用登记证', { equipmentType: '电梯', equipmentCode }));
  const lift = (await issue('3110610100201900001')).result;
  const boiler = (await issue('3110610100201900002')).result;
  const { result: renewed, statements } = await issue('3110610100201900001');
  assert.equal(
    statements.length,
    3,
    `the issuer, the certificate, the audit record:\n${statements.join('\n')}`,
  );
  assert.equal((await verify(lift.verificationCode)).result, 'changed');
  assert.equal((await verify(boiler.verificationCode)).result, 'authentic', 'another equipment code stays');
  assert.equal((await verify(renewed.verificationCode)).result, 'authentic');
  const row = (await sql('SELECT supersedes FROM certificates WHERE id = $1', [renewed.id])).rows[0];
  assert.equal(row.supersedes, lift.id);
});

test('a change of the catalogue in this process applies at once; one rolled back is forgotten', async () => {
  const { department: _d, ...workshop } = DEMO_CERTIFICATE_TYPES.find((x) => x.name === '食品小作坊登记证')!;
  assert.equal(workshop.validityYears, 3);
  const issue = (tx: Tx) => issueToCompany(tx, '食品小作坊登记证', { premises: '西安市新城区东大街9号' });
  const today = todayInChina();
  const twoYears = { ...workshop, organisationId: market, validityYears: 2 };

  await assert.rejects(
    t.db.db.transaction(async (tx) => {
      await importCertificateTypes({ tx, audit: TEST_AUDIT, types: [twoYears] });
      assert.equal((await issue(tx)).validUntil, lastValidDay(today, 2), 'the importing transaction sees it');
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  const after = await t.db.db.transaction(issue);
  assert.equal(after.validUntil, lastValidDay(today, 3), 'the rolled-back change is not kept');

  await t.db.db.transaction((tx) => importCertificateTypes({ tx, audit: TEST_AUDIT, types: [twoYears] }));
  const changed = await t.db.db.transaction(issue);
  assert.equal(changed.validUntil, lastValidDay(today, 2), 'the committed change applies at once');
});

test("a person's certificate takes her facts from her 居民身份证, read with her account; a staff account holds none", async () => {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: immediate,
      applicant: { kind: 'person', login: '11010519491231002X', displayName: '李秀兰' },
      formData: {},
      materials: [await uploadedMaterial(clerk, 'sqs')],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const row = (await sql('SELECT * FROM cases WHERE id = $1', [(res.json() as Case).id])).rows[0];
  const police = (await sql("SELECT id FROM organisations WHERE short_name = '公安局'")).rows[0].id;
  const concluded = (applicantId: string) => ({
    id: row.id,
    caseNo: row.case_no,
    applicantId,
    departmentId: police,
    formData: {},
    matterName: '临时居民身份证申领',
    result: { type: 'certificate', name: '临时居民身份证' },
  });
  const prepare = async (applicantId: string) => {
    let prepared: ConclusionCertificate | null = null;
    const statements = await statementsOf(async () => {
      prepared = await certificateOnConclusion({
        db: t.db.db,
        audit: TEST_AUDIT,
        concluded: concluded(applicantId),
      });
    });
    return { prepared: prepared as ConclusionCertificate | null, statements };
  };
  const { prepared, statements } = await prepare(row.applicant_id);
  assert.equal(
    statements.length,
    1,
    `the holder with its certificates and the issuer:\n${statements.join('\n')}`,
  );
  const issued = prepared!.writes[0] as unknown as {
    rows: { holderName: string; data: Record<string, string> }[];
  };
  assert.equal(issued.rows[0]!.holderName, '李秀兰');
  assert.equal(issued.rows[0]!.data.sex, '女');
  assert.equal(issued.rows[0]!.data.address, '陕西省西安市新城区西一路218号');
  assert.equal(issued.rows[0]!.data.idNumber, '11010519491231002X');

  const staff = (await sql("SELECT id FROM accounts WHERE kind = 'staff' AND login = 'clerk'")).rows[0].id;
  const drawn = async () =>
    Number((await sql('SELECT sum(last) AS n FROM certificate_number_counters')).rows[0].n);
  const before = await drawn();
  const none = await prepare(staff);
  assert.equal(none.prepared, null);
  assert.equal(none.statements.length, 1, 'only the look-up');
  assert.equal(await drawn(), before, 'no number is drawn for no holder');
});

test('a licence of the type issued to the holder between the reads and the conclusion: the conclusion misses and writes nothing', async () => {
  const c = await approvedCase({ premises: '西安市新城区东大街10号', category: '餐饮服务经营者' });
  const row = (await t.db.db.select().from(cases).where(eq(cases.id, c.id)))[0]!;
  const prepared = await certificateOnConclusion({
    db: t.db.db,
    audit: TEST_AUDIT,
    concluded: {
      ...row,
      formData: row.formData as Record<string, unknown>,
      matterName: '食品经营许可证补办',
      result: { type: 'certificate', name: '食品经营许可证' },
    },
  });
  assert.ok(prepared?.guard, "the holder's licences of the type are guarded");
  // Meanwhile another licence of the type is issued to the same company.
  const other = await t.db.db.transaction((tx) =>
    issueToCompany(tx, '食品经营许可证', { premises: '西安市新城区东大街11号' }),
  );
  const written = await whenChanged(
    t.db.db,
    {
      table: cases,
      set: { status: 'concluded', version: row.version + 1 },
      where: { id: row.id, version: row.version },
      guard: prepared!.guard,
    },
    prepared!.writes,
  );
  assert.equal(written.length, 0, 'the guarded change misses');
  assert.equal(
    (await sql('SELECT count(*)::int AS n FROM certificates WHERE case_id = $1', [c.id])).rows[0].n,
    0,
  );
  assert.equal(
    (await verify(other.verificationCode)).result,
    'authentic',
    'the licence issued meanwhile stays current',
  );
  const still = (await sql('SELECT status, version FROM cases WHERE id = $1', [c.id])).rows[0];
  assert.deepEqual(still, { status: 'approved', version: row.version });

  // Through the platform the conclusion reads afresh and succeeds, superseding that licence.
  const done = await act(c, 'conclude');
  assert.equal(done.status, 'concluded');
  assert.equal((await verify(other.verificationCode)).result, 'changed');
});
