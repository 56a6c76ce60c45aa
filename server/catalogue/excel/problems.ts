import type { Problem } from '../validation.ts';
import type { ImportIssue } from './cells.ts';
import { columnName, FORM_SHEET, IMPLEMENTATION_SHEET, MATERIAL_SHEET } from './columns.ts';

/**
 * Where the rows of one implementation are: its 实施清单 row; per material index, its 申请材料 row;
 * the 申请表字段 row of each place of its form (`sections[0]` its section's first row,
 * `sections[0].fields[2]`, `sections[0].fields[2].columns[1]`); per `covers` index, the 申请材料
 * row that put the material there.
 */
export type RowPlaces = {
  row: number;
  materialRows: number[];
  materialKeys: string[];
  formRows?: Record<string, number>;
  coverRows?: number[];
};

/** Columns of 申请表字段 by the property of a field, and of a section, that a problem names. */
const FIELD_COLUMNS: Record<string, string> = {
  key: 'key',
  type: 'type',
  label: 'label',
  labelEn: 'labelEn',
  help: 'help',
  helpEn: 'helpEn',
  required: 'required',
  requiredWhen: 'requiredWhen',
  shownWhen: 'shownWhen',
  validation: 'validation',
  options: 'options',
  binding: 'binding',
  editable: 'editable',
  columns: 'type',
};
const SECTION_COLUMNS: Record<string, string> = {
  key: 'sectionKey',
  title: 'sectionTitle',
  titleEn: 'sectionTitleEn',
  description: 'sectionDescription',
  fields: 'key',
};

/** A problem of the form (path `form.sections[0].fields[2].options`, `form.covers[1]`) placed in its row. */
function formIssue(path: string, problem: string, places: RowPlaces): ImportIssue {
  const cover = /^form\.covers\[(\d+)\]/.exec(path);
  const coverRow = cover ? places.coverRows?.[Number(cover[1])] : undefined;
  if (coverRow !== undefined)
    return {
      sheet: MATERIAL_SHEET.name,
      row: coverRow,
      column: columnName(MATERIAL_SHEET, 'coveredByForm'),
      problem,
    };
  const m = /^form\.sections\[(\d+)\](?:\.fields\[(\d+)\](?:\.columns\[(\d+)\])?)?(?:\.(\w+))?/.exec(path);
  if (m) {
    const place = `sections[${m[1]}]${m[2] === undefined ? '' : `.fields[${m[2]}]`}${m[3] === undefined ? '' : `.columns[${m[3]}]`}`;
    const row = places.formRows?.[place];
    const property = m[4] ?? '';
    const key =
      m[2] === undefined ? (SECTION_COLUMNS[property] ?? 'sectionKey') : (FIELD_COLUMNS[property] ?? 'key');
    if (row !== undefined)
      return { sheet: FORM_SHEET.name, row, column: columnName(FORM_SHEET, key), problem };
  }
  const first = places.formRows?.['sections[0]'];
  if (first !== undefined)
    return {
      sheet: FORM_SHEET.name,
      row: first,
      column: columnName(FORM_SHEET, 'implementationCode'),
      problem,
    };
  return implementationIssue(places.row, 'code', `申请表：${problem}`);
}

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
 * `document.materials[2].name`, `document.promisedLimit.unit`, `document.form.sections[1].fields[0].options`)
 * in the sheet, row and column the person should correct.
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
  if (path === 'form' || path.startsWith('form.')) return formIssue(path, problem.problem, places);
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
