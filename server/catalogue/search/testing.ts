import { after, before } from 'node:test';
import { sql } from 'drizzle-orm';
import type { ImplementationDocument, Material } from '../../../common/catalogue/guide.ts';
import type { Db, DbOrTx } from '../../core/db/client.ts';
import { type DemoOrganisations, seedDemoOrganisations } from '../../demo/organisations.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/db.ts';
import { reindexAll } from '../search-index.ts';
import { basicMatters, implementations, implementationVersions } from '../tables.ts';
import { type FixtureMatter, sampleCatalogue } from './sample-catalogue.ts';
import { seedSynonyms } from './synonyms.ts';

const material = (name: string, index: number): Material => ({
  key: `m${index + 1}`,
  name,
  type: index % 2 ? 'copy' : 'original',
  form: '纸质',
  required: true,
  condition: '',
  paperCopies: 1,
  source: name.includes('营业执照') || name.includes('身份证') ? 'e_certificate' : 'applicant',
  certificateType: name.includes('营业执照') ? '营业执照' : name.includes('身份证') ? '居民身份证' : '',
  gapAllowed: index === 1,
  blankFormFile: null,
  sampleFile: null,
  notes: '',
});

/** A complete guide document from the compact fixture. */
export function fixtureDocument(m: FixtureMatter): ImplementationDocument {
  const [legal, promised] = m.limits ?? [20, 5];
  return {
    name: m.name,
    serviceObject: m.object ?? 'company',
    acceptanceConditions: m.conditions ?? `申请人符合${m.name}的法定条件，申请材料齐全、符合法定形式。`,
    caseType: m.caseType ?? (promised === 0 ? 'immediate' : 'promised'),
    legalLimit: { value: legal, unit: m.limitUnit ?? 'working_days' },
    promisedLimit: { value: promised, unit: m.limitUnit ?? 'working_days' },
    specialProcedures: [],
    visitsRequired: m.visits ?? 1,
    realisationMode: m.mode ?? 'at_most_once',
    channels: m.online === false ? ['counter'] : ['online', 'counter'],
    promiseAllowed: false,
    fees: [{ name: '工本费', amount: 0, standard: '不收费', legalBasis: '财税〔2016〕42号' }],
    steps: [
      {
        name: 'accept',
        role: '综合窗口受理人员',
        days: 1,
        description: '审核材料，当场作出是否受理的决定。',
      },
      {
        name: 'review',
        role: '业务科室审核人员',
        days: Math.max(promised - 2, 0),
        description: '审查申请材料。',
      },
      { name: 'decide', role: '科室负责人', days: 1, description: '作出准予或不予许可的决定。' },
      { name: 'conclude', role: '综合窗口出件人员', days: 0, description: '制发证照，办结。' },
    ],
    places: [
      {
        hallId: null,
        name: '西安市政务服务中心',
        window: '综合受理窗口 A01—A12',
        address: '陕西省西安市未央区凤城八路109号',
        hours: '周一至周五 9:00—12:00，13:00—17:00（法定节假日除外）',
      },
    ],
    consultation: '029-12345',
    complaint: '029-12345 转 2',
    result: { type: 'certificate', name: m.result ?? '' },
    delivery: ['window_pickup', 'post'],
    themes: m.themes ?? [],
    keywords: m.keywords ?? [],
    materials: (m.materials ?? ['申请书']).map(material),
  };
}

let serial = 0;
/** Basic matters of the fixtures' `basic` keys (one test database per file and process). */
const sharedBasics = new Map<string, string>();

/**
 * Inserts matters as published implementations (one basic matter each, or one per `basic` key) and indexes them.
 * Returns the implementation ids by name (the last one for repeated names).
 */
export async function publishFixture(db: DbOrTx, matters: FixtureMatter[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of matters) {
    serial += 1;
    const n = String(serial).padStart(5, '0');
    const doc = fixtureDocument(m);
    const shared = m.basic === undefined ? undefined : sharedBasics.get(m.basic);
    const basicMatterId =
      shared ??
      (
        await db
          .insert(basicMatters)
          .values({
            code: `0000${n}000`,
            name: m.name,
            matterType: m.matterType ?? 'licensing',
            exercisingLevel: 'city',
            legalBasis: [
              { name: '《中华人民共和国行政许可法》', article: '第十二条', text: '可以设定行政许可。' },
            ],
          })
          .returning({ id: basicMatters.id })
      )[0]!.id;
    if (m.basic !== undefined) sharedBasics.set(m.basic, basicMatterId);
    const [implementation] = await db
      .insert(implementations)
      .values({
        code: `11${m.regionCode}MB0000000${n}`,
        basicMatterId,
        organisationId: m.departmentId,
        regionCode: m.regionCode,
      })
      .returning({ id: implementations.id });
    const published = (m.status ?? 'published') === 'published';
    const [version] = await db
      .insert(implementationVersions)
      .values({
        implementationId: implementation!.id,
        versionNo: 1,
        status: published ? 'published' : 'draft',
        document: doc,
        name: doc.name,
        serviceObject: doc.serviceObject,
        caseType: doc.caseType,
        realisationMode: doc.realisationMode,
        limitUnit: doc.legalLimit.unit,
        legalLimit: doc.legalLimit.value,
        promisedLimit: doc.promisedLimit.value,
        visitsRequired: doc.visitsRequired,
        themes: doc.themes,
        publishedAt: published ? new Date('2025-03-01T08:00:00Z') : null,
      })
      .returning({ id: implementationVersions.id });
    if (published) {
      await db.execute(
        sql`UPDATE implementations SET published_version_id = ${version!.id} WHERE id = ${implementation!.id}`,
      );
    }
    ids.set(m.name, implementation!.id);
  }
  await reindexAll(db);
  return ids;
}

export type SampleCatalogueDatabase = {
  readonly db: Db;
  readonly demo: DemoOrganisations;
  /** Implementation ids of the sample catalogue by matter name. */
  readonly ids: Map<string, string>;
};

/** For one test file: a fresh database with the demo organisations, the synonyms and the sample catalogue. */
export function withSampleCatalogue(): SampleCatalogueDatabase {
  let t: TestDatabase | undefined;
  let demo: DemoOrganisations | undefined;
  let ids: Map<string, string> | undefined;
  before(async () => {
    t = await createTestDatabase();
    demo = await seedDemoOrganisations({
      db: t.db,
      audit: { actor: null, role: 'system', clientAddress: null, requestId: 'catalogue-sample' },
    });
    await seedSynonyms(t.db);
    ids = await publishFixture(t.db, sampleCatalogue(demo.departments, demo.districtCentre));
  });
  after(async () => {
    await t?.drop();
  });
  return {
    get db() {
      return t!.db;
    },
    get demo() {
      return demo!;
    },
    get ids() {
      return ids!;
    },
  };
}
