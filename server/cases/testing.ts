import { eq } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { importImplementations } from '../catalogue/import.ts';
import { implementations } from '../catalogue/tables.ts';
import { sampleBasicMatter, sampleDocument, sampleMaterial } from '../catalogue/testing.ts';
import type { Db } from '../db/client.ts';

let serial = 0;

/** Publishes one implementation of a department in 西安市; returns its id. */
export async function publishMatter(
  db: Db,
  departmentId: string,
  overrides: Partial<ImplementationDocument> = {},
): Promise<string> {
  serial += 1;
  const code = `11610100MB00000${String(serial).padStart(7, '0')}`;
  await importImplementations({
    db,
    audit: TEST_AUDIT,
    publish: true,
    items: [
      {
        basicMatter: sampleBasicMatter({ code: `0001012${String(serial).padStart(5, '0')}` }),
        code,
        organisationId: departmentId,
        regionCode: '610100',
        document: sampleDocument(overrides),
      },
    ],
  });
  const [row] = await db
    .select({ id: implementations.id })
    .from(implementations)
    .where(eq(implementations.code, code));
  return row!.id;
}

/** 食品经营许可: 5 working days promised, 20 legal; the premises proof may be supplied later (容缺). */
export const FOOD_LICENCE: Partial<ImplementationDocument> = {
  promiseAllowed: true,
  materials: [sampleMaterial(), sampleMaterial({ key: 'zscl', name: '经营场所使用证明', gapAllowed: true })],
};

/** An immediate matter (即办件) concluded at the window. */
export const ON_THE_SPOT: Partial<ImplementationDocument> = {
  name: '食品经营许可证补办',
  caseType: 'immediate',
  promisedLimit: { value: 0, unit: 'working_days' },
  legalLimit: { value: 0, unit: 'working_days' },
  realisationMode: 'on_the_spot',
  promiseAllowed: false,
  specialProcedures: [],
  steps: [{ name: 'accept', role: '综合窗口', days: 0, description: '当场办结' }],
};

export const SHA = (n: number) => n.toString(16).padStart(64, '0');
