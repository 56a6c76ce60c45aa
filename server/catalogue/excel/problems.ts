import type { Problem } from '../validation.ts';
import type { ImportIssue } from './cells.ts';
import { columnName, IMPLEMENTATION_SHEET, MATERIAL_SHEET } from './columns.ts';

/** Where the rows of one implementation are: its 实施清单 row and, per material index, its 申请材料 row. */
export type RowPlaces = { row: number; materialRows: number[]; materialKeys: string[] };

/** Columns of 实施清单 by the first field of a document path. */
const DOCUMENT_COLUMNS: Record<string, string> = {
  name: 'name',
  serviceObject: 'serviceObject',
  acceptanceConditions: 'acceptanceConditions',
  caseType: 'caseType',
  legalLimit: 'legalLimit',
  promisedLimit: 'promisedLimit',
  specialProcedures: 'specialProcedures',
  visitsRequired: 'visitsRequired',
  realisationMode: 'realisationMode',
  channels: 'channels',
  promiseAllowed: 'promiseAllowed',
  fees: 'fees',
  steps: 'steps',
  places: 'places',
  consultation: 'consultation',
  complaint: 'complaint',
  delivery: 'delivery',
  themes: 'themes',
  keywords: 'keywords',
};

/** Columns of 实施清单 by the field of a basic matter or of an implementation's placement. */
const RECORD_COLUMNS: Record<string, string> = {
  'basicMatter.code': 'basicCode',
  'basicMatter.name': 'basicName',
  'basicMatter.matterType': 'matterType',
  'basicMatter.exercisingLevel': 'exercisingLevel',
  'basicMatter.legalBasis': 'legalBasis',
  code: 'code',
  organisationId: 'organisation',
  regionCode: 'regionCode',
};

const implementationIssue = (row: number, key: string, problem: string): ImportIssue => ({
  sheet: IMPLEMENTATION_SHEET.name,
  row,
  column: columnName(IMPLEMENTATION_SHEET, key),
  problem,
});

/**
 * Places a problem of validation.ts (field such as `document.materials[key=x].condition`,
 * `document.materials[2].name`, `document.promisedLimit.unit`) in the sheet, row and column
 * the person should correct.
 */
export function issueOfProblem(problem: Problem, places: RowPlaces): ImportIssue {
  const path = problem.field.replace(/^document\./, '');
  const material = /^materials\[(?:key=([^\]]*)|(\d+))\](?:\.(\w+))?/.exec(path);
  if (material) {
    const index = material[1] !== undefined ? places.materialKeys.indexOf(material[1]) : Number(material[2]);
    const row = places.materialRows[index];
    if (row !== undefined) {
      return {
        sheet: MATERIAL_SHEET.name,
        row,
        column: columnName(MATERIAL_SHEET, material[3] ?? 'name'),
        problem: problem.problem,
      };
    }
  }
  if (path.startsWith('materials'))
    return implementationIssue(places.row, 'code', `申请材料：${problem.problem}`);
  if (path.startsWith('legalLimit.unit') || path.startsWith('promisedLimit.unit')) {
    return implementationIssue(places.row, 'limitUnit', problem.problem);
  }
  if (path.startsWith('result.type')) return implementationIssue(places.row, 'resultType', problem.problem);
  if (path.startsWith('result')) return implementationIssue(places.row, 'resultName', problem.problem);
  const recordKey = Object.keys(RECORD_COLUMNS).find(
    (k) => path === k || path.startsWith(`${k}[`) || path.startsWith(`${k}.`),
  );
  if (recordKey) return implementationIssue(places.row, RECORD_COLUMNS[recordKey]!, problem.problem);
  const head = /^(\w+)/.exec(path)?.[1] ?? '';
  const key = DOCUMENT_COLUMNS[head] ?? 'name';
  const item = /^\w+\[(\d+)\]/.exec(path);
  const prefix =
    item && ['fees', 'steps', 'places', 'specialProcedures', 'keywords'].includes(head)
      ? `第 ${Number(item[1]) + 1} 项：`
      : '';
  return implementationIssue(places.row, key, `${prefix}${problem.problem}`);
}
