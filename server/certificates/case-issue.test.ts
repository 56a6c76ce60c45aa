import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, signInAs, TEST_AUDIT } from '../accounts/testing.ts';
import { actOn, ON_THE_SPOT, publishMatter, uploadedMaterial } from '../cases/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { issueCertificate } from './index.ts';
import type { CertificateView } from './types.ts';

/** A company of the legal-entity base (法人库) as the base holds it. */
type BaseCompany = { creditCode: string; name: string; representative: string; address: string };

let t: TestApp;
let clerk: Browser;
let head: Browser;
let market: string;
let immediate: string;
/** Companies of the demo legal-entity base that hold no certificate. */
let companies: BaseCompany[];

type Case = { id: string; version: number; status: string };

const act = (c: Case, action: string) => actOn(clerk, c, action);

/** A 食品经营许可 即办件 filed at the window for `company` and concluded; returns the certificate issued. */
async function concludeFor(company: BaseCompany, formData: Record<string, string>): Promise<CertificateView> {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: immediate,
      applicant: { kind: 'company', login: company.creditCode, displayName: company.name },
      formData,
      materials: [await uploadedMaterial(clerk, 'sqs')],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const concluded = await act(await act(await act(res.json() as Case, 'accept'), 'approve'), 'conclude');
  assert.equal(concluded.status, 'concluded');
  const [row] = (await t.db.pool.query('SELECT id FROM certificates WHERE case_id = $1', [concluded.id]))
    .rows;
  assert.ok(row, 'a certificate was issued when the case concluded');
  const view = await head.request({ method: 'GET', url: `/api/certificates/${row.id}` });
  assert.equal(view.statusCode, 200, view.body);
  return view.json() as CertificateView;
}

/** The value printed for a field (by its label), as the PDF and the wallet show it. */
const printed = (c: CertificateView, label: string) => c.data[c.fields.find((f) => f.label === label)!.key];

before(async () => {
  t = await createTestApp({ demo: true });
  const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);
  market = (await sql("SELECT id FROM organisations WHERE short_name = '市场监管局'")).rows[0].id;
  immediate = await publishMatter(t.db.db, market, ON_THE_SPOT);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  companies = (
    await sql(
      `SELECT credit_code, name, legal_representative, registered_address FROM registry_companies r
       WHERE status IN ('存续', '在业') AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.holder_login = r.credit_code)
       ORDER BY credit_code LIMIT 3`,
    )
  ).rows.map((r) => ({
    creditCode: r.credit_code,
    name: r.name,
    representative: r.legal_representative,
    address: r.registered_address,
  }));
  assert.equal(companies.length, 3);
});
after(async () => {
  await t?.close();
});

test('a company of the legal-entity base gets 法定代表人 and 住所 on its licence from the base', async () => {
  const company = companies[0]!;
  const licence = await concludeFor(company, {
    premises: '西安市新城区东大街8号一层',
    category: '餐饮服务经营者',
  });
  assert.equal(licence.typeName, '食品经营许可证');
  assert.equal(printed(licence, '法定代表人（负责人）'), company.representative);
  assert.equal(printed(licence, '住所'), company.address);
  assert.equal(printed(licence, '经营场所'), '西安市新城区东大街8号一层', 'the form still fills its fields');
  assert.equal(printed(licence, '名称'), company.name);
  assert.equal(printed(licence, '经营项目'), undefined, 'what nobody knows stays empty');
  assert.equal(
    printed(licence, '日常监督管理机构'),
    '西安市市场监督管理局',
    'no form names a region: the issuer supervises',
  );
});

test('a value in the case form, by key or by label, wins over the base', async () => {
  const company = companies[1]!;
  const licence = await concludeFor(company, {
    '法定代表人（负责人）': '王新任',
    address: '西安市新城区解放路1号',
    scope: '热食类食品制售',
  });
  assert.notEqual(company.representative, '王新任');
  assert.equal(printed(licence, '法定代表人（负责人）'), '王新任');
  assert.equal(printed(licence, '住所'), '西安市新城区解放路1号');
  assert.equal(printed(licence, '经营项目'), '热食类食品制售');
});

test("the holder's current certificate of another type comes before the base; its licensed things do not pass", async () => {
  const company = companies[2]!;
  await t.db.db.transaction(async (tx) => {
    await issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '营业执照',
      organisationId: market,
      holder: { kind: 'company', login: company.creditCode, name: company.name },
      data: { legalRepresentative: '赵变更', businessScope: '餐饮服务' },
    });
    await issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '药品经营许可证',
      organisationId: market,
      holder: { kind: 'company', login: company.creditCode, name: company.name },
      data: { scope: '中成药、化学药制剂', warehouse: '西安市灞桥区仓库' },
    });
  });
  const licence = await concludeFor(company, {});
  assert.equal(printed(licence, '法定代表人（负责人）'), '赵变更', 'from the 营业执照, not the base');
  assert.equal(printed(licence, '住所'), company.address, 'the 营业执照 has no 住所: from the base');
  assert.equal(printed(licence, '经营项目'), undefined, "a drug licence's scope is not the food licence's");
});
