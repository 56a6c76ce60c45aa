import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { parseBinding } from '../../../common/forms/binding.ts';
import type { FormDefinition } from '../../../common/forms/schema.ts';
import { validateForm } from '../../../common/forms/validate.ts';
import { loadConfig } from '../../core/config.ts';
import { findCompany } from '../../registries/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/db.ts';
import { DEMO_COMPANY } from '../registries-data.ts';
import { seedDemo } from '../seed.ts';
import { DEMO_FORMS } from './forms/index.ts';

type Row = Record<string, unknown>;

describe('demo catalogue', () => {
  let database: TestDatabase;
  let seedMs = 0;
  const query = async <T extends Row>(text: ReturnType<typeof sql>) =>
    (await database.db.execute<T>(text)).rows;

  before(async () => {
    database = await createTestDatabase();
    const started = Date.now();
    await seedDemo(database.db, loadConfig({}));
    seedMs = Date.now() - started;
  });
  after(async () => {
    await database.drop();
  });

  test('publishes at least 150 implementations in the city and both districts', async (t) => {
    const rows = await query<{ region_code: string; n: number }>(sql`
      SELECT i.region_code, count(*)::int AS n FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id AND v.status = 'published'
      GROUP BY i.region_code ORDER BY i.region_code`);
    const byRegion = Object.fromEntries(rows.map((r) => [r.region_code, r.n]));
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    assert.ok(total >= 150, `only ${total} published implementations`);
    assert.ok((byRegion['610102'] ?? 0) >= 40 && (byRegion['610103'] ?? 0) >= 30, JSON.stringify(byRegion));
    t.diagnostic(`the demo seed took ${seedMs} ms`);
  });

  test('every published version is indexed for search and every department has matters', async () => {
    const [unindexed] = await query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM implementation_versions v WHERE v.status = 'published'
        AND NOT EXISTS (SELECT 1 FROM published_matters m WHERE m.version_id = v.id)`);
    assert.equal(unindexed?.n, 0);
    const [departments] = await query<{ n: number }>(sql`
      SELECT count(DISTINCT i.organisation_id)::int AS n FROM implementations i
      JOIN organisations o ON o.id = i.organisation_id WHERE o.kind = 'department'`);
    assert.equal(departments?.n, 15);
  });

  test('the realisation figures look like the seeds: ~88 % 最多跑一次, many 全程网办, ~half 即办 in districts', async () => {
    const [all] = await query<{ once: number; online: number; immediate: number }>(sql`
      SELECT avg((realisation_mode IN ('fully_online', 'at_most_once', 'on_the_spot') AND visits_required <= 1)::int)::float AS once,
             avg((realisation_mode = 'fully_online')::int)::float AS online,
             avg((case_type = 'immediate')::int)::float AS immediate
      FROM implementation_versions WHERE status = 'published'`);
    assert.ok(all!.once >= 0.84 && all!.once <= 0.94, `最多跑一次 share ${all!.once}`);
    assert.ok(all!.online >= 0.35 && all!.online <= 0.6, `全程网办 share ${all!.online}`);
    // 市级进驻事项的办理时限较法定时限平均已压缩46.8%: the time saved over the legal time, per unit.
    const compression = await query<{ unit: string; compression: number }>(sql`
      SELECT limit_unit AS unit, sum(legal_limit - promised_limit)::float / sum(legal_limit) AS compression
      FROM implementation_versions WHERE status = 'published' AND legal_limit > 0 GROUP BY limit_unit`);
    const working = compression.find((c) => c.unit === 'working_days')?.compression ?? 0;
    assert.ok(working >= 0.4 && working <= 0.85, `承诺时限压缩率 ${JSON.stringify(compression)}`);
    const [districts] = await query<{ immediate: number }>(sql`
      SELECT avg((v.case_type = 'immediate')::int)::float AS immediate FROM implementation_versions v
      JOIN implementations i ON i.id = v.implementation_id
      WHERE v.status = 'published' AND i.region_code IN ('610102', '610103')`);
    assert.ok(
      districts!.immediate >= 0.4 && districts!.immediate <= 0.65,
      `即办件 share ${districts!.immediate}`,
    );
  });

  test('guides carry real elements: e-certificate and 容缺 materials, fees with legal basis, halls as places', async () => {
    const [counts] = await query<{
      ecert: number;
      gap: number;
      fees: number;
      hall_places: number;
      no_hall: number;
    }>(sql`
      SELECT
        count(*) FILTER (WHERE document->'materials' @> '[{"source": "e_certificate", "certificateType": "营业执照"}]')::int AS ecert,
        count(*) FILTER (WHERE document->'materials' @> '[{"gapAllowed": true}]')::int AS gap,
        count(*) FILTER (WHERE jsonb_array_length(document->'fees') > 0)::int AS fees,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(document->'places') p
                                       JOIN halls h ON h.id = (p->>'hallId')::uuid AND h.name = p->>'name'))::int AS hall_places,
        count(*) FILTER (WHERE jsonb_array_length(document->'places') = 0)::int AS no_hall
      FROM implementation_versions WHERE status = 'published'`);
    assert.ok(counts!.ecert >= 30, `营业执照 e-certificate in ${counts!.ecert}`);
    assert.ok(counts!.gap >= 20, `容缺 allowed in ${counts!.gap}`);
    assert.ok(counts!.fees >= 10, `fees in ${counts!.fees}`);
    assert.ok(counts!.hall_places >= 120, `hall places in ${counts!.hall_places}`);
    assert.equal(counts!.no_hall, 0);
    const [transfer] = await query<{ name: string; legal: number; promised: number; keywords: string[] }>(sql`
      SELECT v.name, v.legal_limit AS legal, v.promised_limit AS promised,
             ARRAY(SELECT jsonb_array_elements_text(v.document->'keywords')) AS keywords
      FROM implementation_versions v JOIN implementations i ON i.id = v.implementation_id
      WHERE v.status = 'published' AND i.region_code = '610100' AND v.name LIKE '不动产转移登记%'`);
    assert.equal(transfer?.legal, 30);
    assert.ok(transfer!.promised < transfer!.legal);
    assert.ok(transfer!.keywords.includes('过户'));
  });

  test('codes follow the national pattern: implementation code = credit code + basic code + region', async () => {
    const rows = await query<{ code: string; basic: string; credit: string; region: string }>(sql`
      SELECT i.code, b.code AS basic, o.credit_code AS credit, i.region_code AS region FROM implementations i
      JOIN basic_matters b ON b.id = i.basic_matter_id JOIN organisations o ON o.id = i.organisation_id`);
    for (const r of rows) {
      assert.match(r.basic, /^\d{12}$/);
      assert.equal(r.code, `${r.credit}${r.basic}${r.region.slice(3)}`);
    }
    const synonyms = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM search_synonyms`);
    assert.ok(synonyms[0]!.n > 10);
  });

  test('the 30 matters with a form publish it in every implementation, covering their 申请书', async () => {
    const rows = await query<{ name: string; implementations: number; with_form: number }>(sql`
      SELECT v.name, count(*)::int AS implementations, count(*) FILTER (WHERE v.document ? 'form')::int AS with_form
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      GROUP BY v.name HAVING count(*) FILTER (WHERE v.document ? 'form') > 0`);
    assert.deepEqual(rows.map((r) => r.name).sort(), Object.keys(DEMO_FORMS).sort());
    for (const row of rows) assert.equal(row.with_form, row.implementations, row.name);
    const [food] = await query<{ covers: string[] }>(sql`
      SELECT ARRAY(SELECT jsonb_array_elements_text(v.document->'form'->'covers')) AS covers
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE v.name = '食品经营许可' AND i.region_code = '610102'`);
    assert.deepEqual(food?.covers, ['sqs']);
  });

  test('the demo company applying for 食品经营许可 gets at least 70 % of the fields it fills from its data', async () => {
    const login = DEMO_COMPANY.record.creditCode;
    const [version] = await query<{ form: FormDefinition }>(sql`
      SELECT v.document->'form' AS form FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE v.name = '食品经营许可' AND i.region_code = '610100'`);
    const form = version!.form;
    // What the platform holds of the company: its 法人库 record, its 营业执照, its account's profile.
    const company = await findCompany(database.db, login);
    assert.equal(company?.status, '存续');
    const [licence] = await query<{ data: Record<string, string> }>(sql`
      SELECT data FROM certificates WHERE holder_login = ${login} AND type_code = 'yyzz' AND status = 'issued'`);
    const [account] = await query<{ phone: string }>(sql`SELECT phone FROM accounts WHERE login = ${login}`);
    const elements: Record<string, string | null | undefined> = {
      entityName: company?.name,
      creditCode: company?.creditCode,
      entityType: company?.companyType,
      legalRepresentative: company?.legalRepresentative,
      legalRepresentativeIdNumber: company?.legalRepresentativeIdNumber,
      registeredCapital: company?.registeredCapital,
      establishedOn: company?.establishedOn,
      registeredAddress: company?.registeredAddress,
      businessScope: company?.businessScope,
      regionCode: company?.regionCode,
      contactPhone: account?.phone,
      mobilePhone: account?.phone,
    };
    const answer = (binding: string) => {
      const parsed = parseBinding(binding);
      if (parsed?.kind === 'element') return elements[parsed.element] || undefined;
      return parsed?.typeCode === 'yyzz' ? licence?.data[parsed.field] || undefined : undefined;
    };
    const prefilled: Record<string, string> = {};
    for (const field of form.sections.flatMap((s) => s.fields)) {
      const value = field.binding === undefined ? undefined : answer(field.binding);
      if (value !== undefined) prefilled[field.key] = value;
    }
    // A restaurant: what the company types itself.
    const typed = {
      category: '餐饮服务经营者',
      scope: ['热食类食品制售', '冷食类食品制售（不含烧卤熟肉）', '自制饮品制售'],
      managers: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, phone: '13809180000' }],
      promise: '本人（本单位）已阅读并作出以上承诺',
    };
    const check = validateForm(form, { ...prefilled, ...typed });
    assert.deepEqual(check.issues, []);
    const filled = Object.keys(check.values);
    const fromData = filled.filter((key) => key in prefilled);
    assert.equal(
      prefilled.premises,
      '陕西省西安市新城区长乐中路128号3层',
      'the 经营场所 is offered from the 住所',
    );
    assert.equal(prefilled.legalRepresentative, '林海峰');
    assert.equal(prefilled.region, '610102');
    assert.ok(
      fromData.length / filled.length >= 0.7,
      `${fromData.length} of ${filled.length} fields from data: ${fromData.join(', ')}`,
    );
  });

  test('the demo reviewer reviews 食品经营许可 wherever the demo company may file it by default', async () => {
    const company = await findCompany(database.db, DEMO_COMPANY.record.creditCode);
    const rows = await query<{ region_code: string; reviewed: boolean }>(sql`
      SELECT i.region_code, EXISTS (
        SELECT 1 FROM role_assignments r JOIN accounts a ON a.id = r.account_id
        WHERE a.login = 'reviewer' AND r.role = 'department_reviewer' AND r.organisation_id = i.organisation_id
      ) AS reviewed
      FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE v.document->>'name' = '食品经营许可'`);
    const home = rows.find((r) => r.region_code === company?.regionCode);
    assert.ok(home, `no 食品经营许可 in the company's region ${company?.regionCode}`);
    assert.equal(home.reviewed, true);
    assert.equal(rows.find((r) => r.region_code === '610100')?.reviewed, true);
  });
});
