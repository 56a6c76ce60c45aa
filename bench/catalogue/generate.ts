import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import { readRegionFile } from '../../common/regions/data.ts';
import { insertTermsOf, weightedTokens } from '../../server/catalogue/search-index.ts';
import type { Db } from '../../server/core/db/client.ts';
import { seedDemoAccounts } from '../../server/demo/accounts.ts';
import { demoCatalogueItems, seedDemoCatalogue } from '../../server/demo/catalogue/seed.ts';
import { seedDemoOrganisations } from '../../server/demo/organisations.ts';
import { DEMO_AUDIT } from '../../server/demo/seed.ts';
import { loadRegions } from '../../server/regions/service.ts';

/** Who the generated matters are for, combined with the real matter names (食品经营许可（个体工商户·延续）). */
const OBJECTS = [
  '企业',
  '个体工商户',
  '农民专业合作社',
  '外商投资企业',
  '分支机构',
  '社会组织',
  '事业单位',
  '个人',
  '港澳台投资企业',
  '国有企业',
];
const STAGES = ['新办', '延续', '变更', '注销', '补证', '迁移'];
const BATCH = 500;
const HOURS = '周一至周五 9:00—12:00，13:00—17:00（法定节假日除外）';
/** A department's full name in another region: the part after the city's name. */
const FULL_NAME_SUFFIX = /^(国家税务总局)?西安市/;

export type BenchCatalogue = {
  basicMatters: number;
  regions: number;
  implementations: number;
  ms: Record<string, number>;
};

/**
 * Fills a fresh, migrated database with the demo data and a benchmark catalogue: `basicMatters`
 * basic matters, each implemented by the competent department of each of `regionCount` regions of
 * 陕西省 (西安市, its districts and counties, then other cities), all published and indexed for search.
 * Documents are copies of the demo guides under the generated names, built in bulk SQL.
 */
export async function generateBenchCatalogue(options: {
  db: Db;
  basicMatters?: number;
  regionCount?: number;
  log?: (message: string) => void;
}): Promise<BenchCatalogue> {
  const { db, basicMatters = 5000, regionCount = 20, log = () => {} } = options;
  const ms: Record<string, number> = {};
  let clock = Date.now();
  const lap = (name: string) => {
    ms[name] = Date.now() - clock;
    log(`${name}: ${ms[name]} ms`);
    clock = Date.now();
  };

  const orgs = await db.transaction(async (tx) => {
    const demo = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
    await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs: demo });
    await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs: demo });
    return demo;
  });
  const templates = (await demoCatalogueItems(db, orgs)).filter((item) => item.regionCode === '610100');
  lap('demo data');

  // One connection throughout: the templates and generated names live in temporary tables.
  const generated = await db.transaction(async (tx) => {
    const shaanxi = readRegionFile().filter((r) => r.code.startsWith('61') && r.code.length === 6);
    await loadRegions({ db: tx, records: shaanxi });
    const regions = (
      await tx.execute<{ code: string; name: string; path: string }>(sql`
        SELECT code, name, path FROM regions WHERE code LIKE '61%' AND length(code) = 6 AND code <> '610000'
        ORDER BY (code LIKE '6101%') DESC, code LIMIT ${regionCount}`)
    ).rows;

    // The city departments, and the same departments in every other region (莲湖区市场监督管理局 …).
    const cityDepartments = (
      await tx.execute<{ id: string; name: string; short_name: string }>(sql`
        SELECT id, name, short_name FROM organisations WHERE kind = 'department' AND region_code = '610100'`)
    ).rows;
    const others = regions.filter((r) => r.code !== '610100');
    const rows = others.flatMap((region, r) =>
      cityDepartments.map((d, i) => ({
        name: `${region.name}${d.name.replace(FULL_NAME_SUFFIX, '')}`,
        shortName: d.short_name,
        region: region.code,
        creditCode: withCreditCheckCharacter(
          `11${region.code}MB${String(9_000_000 + r * 100 + i).padStart(7, '0')}`,
        ),
      })),
    );
    await tx.execute(sql`
      INSERT INTO organisations (name, short_name, kind, region_code, credit_code)
      SELECT n, s, 'department', rc, cc FROM unnest(${sql.param(rows.map((o) => o.name))}::text[],
        ${sql.param(rows.map((o) => o.shortName))}::text[], ${sql.param(rows.map((o) => o.region))}::text[],
        ${sql.param(rows.map((o) => o.creditCode))}::text[]) AS t(n, s, rc, cc)`);
    lap(`regions and departments (${regions.length} regions)`);

    // Basic matters: real names × objects × stages, each owned by the department of its template.
    const shortNameOf = new Map(Object.entries(orgs.departments).map(([short, id]) => [id, short]));
    const basics = Array.from({ length: basicMatters }, (_, i) => {
      const template = templates[i % templates.length]!;
      const variant = Math.floor(i / templates.length);
      const object = OBJECTS[variant % OBJECTS.length]!;
      const stage = STAGES[Math.floor(variant / OBJECTS.length) % STAGES.length]!;
      return {
        id: randomUUID(),
        code: `${template.basicMatter.code.slice(0, 4)}${String(i).padStart(4, '0')}001000`,
        name: `${template.document.name}（${object}·${stage}）`,
        template: i % templates.length,
        department: shortNameOf.get(template.organisationId)!,
        matterType: template.basicMatter.matterType,
        legalBasis: JSON.stringify(template.basicMatter.legalBasis),
      };
    });
    await tx.execute(sql`
    INSERT INTO basic_matters (id, code, name, matter_type, exercising_level, legal_basis)
    SELECT id, code, name, matter_type, 'county', legal_basis
    FROM unnest(${sql.param(basics.map((b) => b.id))}::uuid[], ${sql.param(basics.map((b) => b.code))}::text[],
      ${sql.param(basics.map((b) => b.name))}::text[], ${sql.param(basics.map((b) => b.matterType))}::text[],
      ${sql.param(basics.map((b) => b.legalBasis))}::jsonb[]) AS t(id, code, name, matter_type, legal_basis)`);
    lap(`basic matters (${basics.length})`);

    // The GIN indexes and those of the search terms are built once at the end rather than row by row.
    const gin = (
      await tx.execute<{ name: string; definition: string }>(sql`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE (tablename IN ('implementation_versions', 'published_matters') AND indexdef ILIKE '%USING gin%')
        OR tablename = 'published_matter_terms'`)
    ).rows;
    for (const index of gin) await tx.execute(sql.raw(`DROP INDEX ${index.name}`));
    await tx.execute(
      sql`CREATE TEMP TABLE bench_templates (idx int PRIMARY KEY, document jsonb) ON COMMIT DROP`,
    );
    await tx.execute(sql`
    INSERT INTO bench_templates SELECT * FROM unnest(${sql.param(templates.map((_, i) => i))}::int[],
      ${sql.param(templates.map((t) => JSON.stringify(t.document)))}::jsonb[])`);

    const departments = (
      await tx.execute<{
        id: string;
        name: string;
        short_name: string;
        region_code: string;
        credit_code: string;
      }>(sql`
      SELECT id, name, short_name, region_code, credit_code FROM organisations
      WHERE kind = 'department' AND region_code = ANY(${sql.param(regions.map((r) => r.code))}::text[])`)
    ).rows;
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const regionPath = new Map(regions.map((r) => [r.code, r.path]));
    let implementations = 0;
    let tokenMs = 0;
    for (let from = 0; from < basics.length; from += BATCH) {
      const rows = basics.slice(from, from + BATCH).flatMap((basic) => {
        const document = { ...templates[basic.template]!.document, name: basic.name };
        return departments
          .filter((d) => d.short_name === basic.department)
          .map((d) => {
            const started = Date.now();
            const tokens = weightedTokens({ document, departmentName: d.name, basicMatterName: basic.name });
            tokenMs += Date.now() - started;
            return { basic, department: d, id: randomUUID(), versionId: randomUUID(), tokens };
          });
      });
      const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
      await tx.execute(sql`
      INSERT INTO implementations (id, basic_matter_id, code, organisation_id, region_code, published_version_id)
      SELECT * FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.basic.id)}::uuid[],
        ${col((r) => r.department.credit_code + r.basic.code)}::text[], ${col((r) => r.department.id)}::uuid[],
        ${col((r) => r.department.region_code)}::text[], ${col((r) => r.versionId)}::uuid[])`);
      // One published version each: the template's guide under the generated name, placed in its region.
      await tx.execute(sql`
      INSERT INTO implementation_versions (id, implementation_id, version_no, status, document, name, service_object,
        case_type, realisation_mode, limit_unit, legal_limit, promised_limit, visits_required, themes, published_at)
      SELECT g.version_id, g.implementation_id, 1, 'published', d.document, g.name, d.document->>'serviceObject',
        d.document->>'caseType', d.document->>'realisationMode', d.document#>>'{legalLimit,unit}',
        (d.document#>>'{legalLimit,value}')::int, (d.document#>>'{promisedLimit,value}')::int,
        (d.document->>'visitsRequired')::int, ARRAY(SELECT jsonb_array_elements_text(d.document->'themes')), now()
      FROM unnest(${col((r) => r.versionId)}::uuid[], ${col((r) => r.id)}::uuid[], ${col((r) => r.basic.name)}::text[],
        ${col((r) => r.basic.template)}::int[], ${col((r) => r.department.region_code)}::text[],
        ${col((r) => regionName.get(r.department.region_code)!)}::text[])
        AS g(version_id, implementation_id, name, template, region_code, region_name)
      JOIN bench_templates t ON t.idx = g.template
      CROSS JOIN LATERAL (SELECT CASE WHEN g.region_code = '610100'
        THEN jsonb_set(t.document, '{name}', to_jsonb(g.name))
        ELSE jsonb_set(jsonb_set(t.document, '{name}', to_jsonb(g.name)), '{places}', jsonb_build_array(jsonb_build_object(
          'hallId', NULL, 'name', g.region_name || '政务服务大厅', 'window', '综合受理窗口',
          'address', '陕西省' || g.region_name || '政务服务中心', 'hours', ${HOURS}::text)))
        END AS document) d`);
      // What search, browsing and statistics read: the published matters with their search vectors.
      await tx.execute(sql`
      INSERT INTO published_matters (implementation_id, version_id, code, name, basic_code, matter_type, department_id,
        department_name, region_code, region_name, region_path, service_object, case_type, realisation_mode,
        limit_unit, legal_limit, promised_limit, visits_required, themes, online_available, names_vector, search_vector)
      SELECT g.implementation_id, g.version_id, g.code, v.name, g.basic_code, g.matter_type, g.department_id,
        g.department_name, g.region_code, g.region_name, g.region_path, v.service_object, v.case_type,
        v.realisation_mode, v.limit_unit, v.legal_limit, v.promised_limit, v.visits_required, v.themes,
        (v.document->'channels') ? 'online', n.names, n.names || setweight(to_tsvector('simple', g.c), 'C')
      FROM unnest(${col((r) => r.versionId)}::uuid[], ${col((r) => r.id)}::uuid[],
        ${col((r) => r.department.credit_code + r.basic.code)}::text[], ${col((r) => r.basic.code)}::text[],
        ${col((r) => r.basic.matterType)}::text[], ${col((r) => r.department.id)}::uuid[],
        ${col((r) => r.department.name)}::text[], ${col((r) => r.department.region_code)}::text[],
        ${col((r) => regionName.get(r.department.region_code)!)}::text[],
        ${col((r) => regionPath.get(r.department.region_code)!)}::text[], ${col((r) => r.tokens.a)}::text[],
        ${col((r) => r.tokens.b)}::text[], ${col((r) => r.tokens.c)}::text[])
        AS g(version_id, implementation_id, code, basic_code, matter_type, department_id, department_name,
          region_code, region_name, region_path, a, b, c)
      JOIN implementation_versions v ON v.id = g.version_id
      CROSS JOIN LATERAL (SELECT setweight(to_tsvector('simple', g.a), 'A')
        || setweight(to_tsvector('simple', g.b), 'B') AS names) n`);
      implementations += rows.length;
    }
    await tx.execute(sql`DELETE FROM published_matter_terms`);
    await tx.execute(insertTermsOf(sql`true`));
    log(`  of which tokenising: ${tokenMs} ms`);
    lap(`implementations and published versions (${implementations})`);
    for (const index of gin) await tx.execute(sql.raw(index.definition));

    lap('search indexes');
    const [count] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM implementations`))
      .rows;
    return { basicMatters: basics.length, regions: regions.length, implementations: count?.n ?? 0, ms };
  });
  // As autovacuum would after a bulk load: index-only scans of the search terms need the visibility map.
  await db.execute(sql`VACUUM (ANALYZE)`);
  lap('vacuum');
  return generated;
}

/** `node bench/catalogue/generate.ts [basic matters] [regions]`: generates into a fresh test database and keeps it. */
if (import.meta.main) {
  const { createTestDatabase } = await import('../../server/testing/db.ts');
  const database = await createTestDatabase();
  const started = Date.now();
  const result = await generateBenchCatalogue({
    db: database.db,
    basicMatters: Number(process.argv[2] ?? 5000),
    regionCount: Number(process.argv[3] ?? 20),
    log: (m) => console.log(`  ${m}`),
  });
  console.log(
    `${result.basicMatters} basic matters × ${result.regions} regions → ${result.implementations} implementations in ${Date.now() - started} ms`,
  );
  console.log(`database: ${database.url} (drop it with: DROP DATABASE ${database.name})`);
  await database.close();
}
