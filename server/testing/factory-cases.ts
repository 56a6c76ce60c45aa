import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { Browser } from '../accounts/testing.ts';
import { implementations, implementationVersions, importImplementations } from '../catalogue/index.ts';
import { sampleBasicMatter, sampleDocument } from '../catalogue/testing.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import {
  type BuiltAccount,
  buildApplicant,
  buildOrganisation,
  buildStaff,
  signIn,
} from './factory-accounts.ts';
import { buildCreditCode, FACTORY_AUDIT, uniqueSuffix } from './factory-values.ts';

/** Factories of published matters and cases (see factories.ts). */

export type BuiltMatter = {
  id: string;
  code: string;
  versionId: string;
  departmentId: string;
  regionCode: string;
  document: ImplementationDocument;
};

/**
 * A published implementation (a matter applicants can file) of a department, built when not given,
 * imported and published through the catalogue import; the document is the sample guide of
 * catalogue/testing.ts with the overrides and a unique name.
 */
export async function buildMatter(
  db: Db,
  overrides: { departmentId?: string; regionCode?: string; document?: Partial<ImplementationDocument> } = {},
): Promise<BuiltMatter> {
  const department = overrides.departmentId
    ? { id: overrides.departmentId, regionCode: overrides.regionCode ?? '610100' }
    : await buildOrganisation(db, { kind: 'department', regionCode: overrides.regionCode ?? '610100' });
  const regionCode = overrides.regionCode ?? department.regionCode;
  const suffix = uniqueSuffix().toUpperCase();
  const basicCode = `000101${suffix.slice(0, 14).padEnd(6, '0')}`;
  const code = `${buildCreditCode('11', regionCode.slice(0, 6))}${basicCode}`.slice(0, 40);
  const document = sampleDocument({ name: `测试事项${suffix}`, ...overrides.document });
  await importImplementations({
    db,
    audit: FACTORY_AUDIT,
    publish: true,
    items: [
      {
        basicMatter: sampleBasicMatter({ code: basicCode, name: `测试基本事项${suffix}` }),
        code,
        organisationId: department.id,
        regionCode,
        document,
      },
    ],
  });
  const [row] = await db
    .select({ id: implementations.id, versionId: implementationVersions.id })
    .from(implementations)
    .innerJoin(implementationVersions, eq(implementationVersions.implementationId, implementations.id))
    .where(eq(implementations.code, code));
  return { id: row!.id, code, versionId: row!.versionId, departmentId: department.id, regionCode, document };
}

/** A case as the API shows it (the fields tests use most; the rest of the answer is there too). */
export type BuiltCase = {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  [field: string]: unknown;
};

type CaseStep = string | { action: string; input?: Record<string, unknown>; by?: Browser };

/**
 * A case filed online through POST /api/cases by an applicant (built when not given: a company for
 * a matter for companies, else a person) for a matter (built when not given), then moved on by
 * `actions` through POST /api/cases/:id/:action — each by its own `by`, else by `staff`, else by a
 * reviewer and head of the matter's department built for it.
 */
export async function buildCase(
  t: { app: App; db: { db: Db } },
  overrides: {
    matter?: BuiltMatter;
    applicant?: BuiltAccount;
    formData?: Record<string, unknown>;
    actions?: CaseStep[];
    staff?: Browser;
  } = {},
): Promise<BuiltCase & { matter: BuiltMatter; applicant: BuiltAccount }> {
  const db = t.db.db;
  const matter = overrides.matter ?? (await buildMatter(db));
  const applicant =
    overrides.applicant ??
    (await buildApplicant(db, { kind: matter.document.serviceObject === 'company' ? 'company' : 'person' }));
  const filer = await signIn(t.app, applicant);
  const res = await filer.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, formData: overrides.formData ?? {}, materials: [] },
  });
  assert.equal(res.statusCode, 201, `submit: ${res.body}`);
  let current = res.json() as BuiltCase;
  let staff = overrides.staff;
  for (const step of overrides.actions ?? []) {
    const { action, input = {}, by } = typeof step === 'string' ? { action: step } : step;
    if (!by && !staff) {
      const member = await buildStaff(db, {
        organisationId: matter.departmentId,
        roles: [
          { role: 'department_reviewer', organisationId: matter.departmentId },
          { role: 'department_head', organisationId: matter.departmentId },
        ],
      });
      staff = await signIn(t.app, member);
    }
    const moved = await (by ?? staff)!.request({
      method: 'POST',
      url: `/api/cases/${current.id}/${action.replaceAll('_', '-')}`,
      payload: { version: current.version, ...input },
    });
    assert.equal(moved.statusCode, 200, `${action}: ${moved.body}`);
    current = moved.json() as BuiltCase;
  }
  return { ...current, matter, applicant };
}
