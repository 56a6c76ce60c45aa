import { isDeepStrictEqual } from 'node:util';
import type { AuditContext } from '../../audit/index.ts';
import type { Actor } from '../../core/access/actor.ts';
import { can, scopeOf } from '../../core/access/policy.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { listHalls, listOrganisations, type OrganisationRow } from '../../organisations/index.ts';
import { findRegion, type Region } from '../../regions/index.ts';
import { implementationCodeProblems, placementProblems } from '../implementations.ts';
import { type ImportError, importImplementations } from '../import.ts';
import { basicMatterProblems, normaliseBasicMatter } from '../service.ts';
import { documentProblems } from '../validation.ts';
import { type ImportIssue, rowReader } from './cells.ts';
import { readImplementationRow, readMaterialRow, type WorkbookImplementation } from './codec.ts';
import { columnName, FORM_SHEET, IMPLEMENTATION_SHEET, MATERIAL_SHEET } from './columns.ts';
import { readForms } from './form-import.ts';
import { issueOfProblem, type RowPlaces } from './problems.ts';
import { readWorkbook } from './workbook.ts';

type Parsed = WorkbookImplementation & {
  places: RowPlaces;
  /** The row had a problem already: its document is not checked further. */
  broken: boolean;
  organisationId?: string;
  region?: Region;
};

const invalid = (issues: ImportIssue[]) => {
  const sheetOrder = [IMPLEMENTATION_SHEET.name, MATERIAL_SHEET.name, FORM_SHEET.name];
  const errors = [...issues].sort(
    (a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row,
  );
  return new AppError('catalogue.import_invalid', { params: { count: errors.length }, details: { errors } });
};

/** Organisations by full name, short name and credit code, for the 实施机构 column. */
async function organisationFinder(db: Db) {
  const { items } = await listOrganisations({ db, filter: { limit: 100_000 } });
  const byKey = new Map<string, OrganisationRow[]>();
  const add = (key: string | null | undefined, org: OrganisationRow) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(org)) list.push(org);
    byKey.set(key, list);
  };
  for (const org of items) {
    add(org.name, org);
    add(org.creditCode?.toUpperCase(), org);
  }
  for (const org of items) if (!byKey.has(org.shortName ?? '')) add(org.shortName, org);
  return (text: string) => byKey.get(text) ?? byKey.get(text.toUpperCase()) ?? [];
}

/** Reads and checks the 实施清单 rows; every problem goes to `issues`. */
async function readImplementations(
  db: Db,
  rows: Awaited<ReturnType<typeof readWorkbook>>['implementations'],
  issues: ImportIssue[],
) {
  const findOrganisations = await organisationFinder(db);
  const regions = new Map<string, Promise<Region | null>>();
  const region = (code: string) => {
    if (!regions.has(code)) regions.set(code, findRegion(db, code));
    return regions.get(code)!;
  };
  const byCode = new Map<string, Parsed>();
  const basics = new Map<string, { row: number; cells: WorkbookImplementation['basicMatter'] }>();
  for (const { row, texts } of rows) {
    const before = issues.length;
    const r = rowReader(IMPLEMENTATION_SHEET, row, texts, issues);
    const read = readImplementationRow(r);
    const item: Parsed = {
      ...read,
      code: read.code.toUpperCase(),
      basicMatter: normaliseBasicMatter(read.basicMatter),
      places: { row, materialRows: [], materialKeys: [], formRows: {}, coverRows: [] },
      broken: false,
    };
    const at = item.places;
    for (const p of [
      ...basicMatterProblems(item.basicMatter, 'basicMatter.'),
      ...(item.code ? implementationCodeProblems(item.code) : []),
    ]) {
      issues.push(issueOfProblem(p, at));
    }
    const earlier = byCode.get(item.code);
    if (item.code && earlier) r.problem('code', `实施编码“${item.code}”与第 ${earlier.places.row} 行重复`);
    const basic = basics.get(item.basicMatter.code);
    if (basic && !isDeepStrictEqual(basic.cells, item.basicMatter)) {
      r.problem(
        'basicCode',
        `基本编码“${item.basicMatter.code}”在第 ${basic.row} 行的基本事项名称、类型、层级或设定依据与本行不同`,
      );
    } else if (!basic && item.basicMatter.code)
      basics.set(item.basicMatter.code, { row, cells: item.basicMatter });

    if (item.organisation) {
      const found = findOrganisations(item.organisation);
      if (found.length > 1)
        r.problem('organisation', `有多个机构名为“${item.organisation}”，请填写统一社会信用代码`);
      else if (!found.length) r.problem('organisation', `实施机构“${item.organisation}”不存在`);
      else if (/^\d{6}(\d{3}){0,2}$/.test(item.regionCode)) {
        const org = found[0]!;
        const [orgRegion, itemRegion] = await Promise.all([region(org.regionCode), region(item.regionCode)]);
        const placement = placementProblems(org, orgRegion, itemRegion);
        for (const p of placement) issues.push(issueOfProblem(p, at));
        if (!placement.length) {
          item.organisationId = org.id;
          item.region = itemRegion!;
        }
      }
    }
    item.broken = issues.length > before;
    if (item.code && !earlier) byCode.set(item.code, item);
  }
  return byCode;
}

/** Reads the 申请材料 rows into the documents of their implementations. */
function readMaterials(
  rows: Awaited<ReturnType<typeof readWorkbook>>['materials'],
  byCode: Map<string, Parsed>,
  issues: ImportIssue[],
) {
  for (const { row, texts } of rows) {
    const before = issues.length;
    const r = rowReader(MATERIAL_SHEET, row, texts, issues);
    const { implementationCode, material, covered } = readMaterialRow(r);
    const item = byCode.get(implementationCode.toUpperCase());
    if (implementationCode && !item) {
      r.problem(
        'implementationCode',
        `实施编码“${implementationCode}”不在“${IMPLEMENTATION_SHEET.name}”工作表中`,
      );
      continue;
    }
    if (!item) continue;
    const same = item.places.materialKeys.indexOf(material.key);
    if (material.key && same >= 0) {
      r.problem('key', `材料键“${material.key}”与第 ${item.places.materialRows[same]} 行重复`);
    }
    if (issues.length > before) {
      item.broken = true;
      continue;
    }
    item.document.materials.push(material);
    item.places.materialRows.push(row);
    item.places.materialKeys.push(material.key);
    if (covered) item.places.coverRows!.push(row);
  }
}

/**
 * Imports a catalogue workbook all or nothing: every row is read and checked first; any
 * problem → 400 catalogue.import_invalid listing them all. The actor must be allowed to edit
 * the catalogue of every row's organisation (403 otherwise). Creates drafts.
 */
export async function importWorkbook(options: { db: Db; audit: AuditContext; actor: Actor; file: Buffer }) {
  const { db, actor } = options;
  const reach = scopeOf(actor, 'catalogue.edit');
  if (!reach.anywhere && !reach.organisationIds.length && !reach.regionPaths.length) {
    throw new AppError('auth.forbidden');
  }
  const issues: ImportIssue[] = [];
  const sheets = await readWorkbook(options.file, issues);
  if (issues.length) throw invalid(issues);
  if (!sheets.implementations.length) {
    throw invalid([{ sheet: IMPLEMENTATION_SHEET.name, row: 0, column: '', problem: '没有可导入的事项' }]);
  }
  const byCode = await readImplementations(db, sheets.implementations, issues);
  readMaterials(sheets.materials, byCode, issues);
  readForms(sheets.formFields, byCode, issues);

  const forbidden = [...byCode.values()].filter(
    (item) =>
      item.organisationId &&
      !can(actor, 'catalogue.edit', { organisationId: item.organisationId, regionPath: item.region!.path }),
  );
  if (forbidden.length) {
    throw new AppError('auth.forbidden', {
      details: {
        errors: forbidden.map((item) => ({
          sheet: IMPLEMENTATION_SHEET.name,
          row: item.places.row,
          column: columnName(IMPLEMENTATION_SHEET, 'organisation'),
          problem: `无权编辑“${item.organisation}”的事项`,
        })),
      },
    });
  }

  const halls = new Map((await listHalls({ db })).map((h) => [h.name, h.id]));
  for (const item of byCode.values()) {
    item.document.places = item.document.places.map((p) => ({ ...p, hallId: halls.get(p.name) ?? null }));
    if (item.broken) continue;
    for (const p of documentProblems(item.document)) issues.push(issueOfProblem(p, item.places));
  }
  if (issues.length) throw invalid(issues);

  const parsed = [...byCode.values()];
  try {
    const result = await importImplementations({
      db,
      audit: options.audit,
      publish: false,
      items: parsed.map((item) => ({
        basicMatter: item.basicMatter,
        code: item.code,
        organisationId: item.organisationId!,
        regionCode: item.regionCode,
        document: item.document,
      })),
    });
    return { imported: result.imported, created: result.created, updated: result.updated };
  } catch (error) {
    // Rules that need the stored catalogue (an existing code of another department, …).
    if (!(error instanceof AppError) || error.code !== 'catalogue.import_invalid') throw error;
    const found = (error.details as { errors?: ImportError[] } | undefined)?.errors ?? [];
    throw invalid(
      found.map((e) =>
        issueOfProblem({ field: e.field, problem: e.problem, problemEn: '' }, parsed[e.item]!.places),
      ),
    );
  }
}
