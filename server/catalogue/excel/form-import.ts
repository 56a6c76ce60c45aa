import type { ImplementationDocument } from '../../../common/catalogue/guide.ts';
import type { FormDefinition, FormField, FormSection } from '../../../common/forms/schema.ts';
import { type ImportIssue, rowReader } from './cells.ts';
import { columnName, FORM_SHEET, IMPLEMENTATION_SHEET, MATERIAL_SHEET } from './columns.ts';
import { type FormRow, readFormRow } from './form-codec.ts';
import type { RowPlaces } from './problems.ts';
import type { SheetRows } from './workbook.ts';

/** An implementation being read, as far as its form is concerned. */
type Item = { document: ImplementationDocument; places: RowPlaces; broken: boolean };

/** The form of one implementation as its rows build it: sections by key, top-level fields by key. */
type Building = {
  form: FormDefinition;
  sections: Map<string, { index: number; section: FormSection; row: number }>;
  fields: Map<string, { path: string; field: FormField; sectionKey: string }>;
};

/** Section cells repeat on each row of a section: the first row giving one is kept; another value is a problem. */
function mergeSection(
  r: ReturnType<typeof rowReader>,
  found: { section: FormSection; row: number },
  read: FormRow['section'],
) {
  const cells = [
    ['title', 'sectionTitle'],
    ['titleEn', 'sectionTitleEn'],
    ['description', 'sectionDescription'],
  ] as const;
  for (const [property, column] of cells) {
    const value = read[property];
    if (!value) continue;
    if (found.section[property] === undefined || found.section[property] === '')
      found.section[property] = value;
    else if (found.section[property] !== value)
      r.problem(column, `与分组“${read.key}”第 ${found.row} 行所填不同（“${found.section[property]}”）`);
  }
}

function addField(
  r: ReturnType<typeof rowReader>,
  row: number,
  read: FormRow,
  into: Building,
  places: RowPlaces,
) {
  if (!read.section.key) {
    r.problem('sectionKey', '分组标识为必填项');
    return;
  }
  let found = into.sections.get(read.section.key);
  if (!found) {
    if (!read.section.title) r.problem('sectionTitle', '分组标题为必填项（写在分组的第一行）');
    const section: FormSection = { key: read.section.key, title: read.section.title, fields: [] };
    found = { index: into.form.sections.length, section, row };
    into.form.sections.push(section);
    into.sections.set(section.key, found);
    places.formRows![`sections[${found.index}]`] = row;
  }
  mergeSection(r, found, read.section);
  const path = `sections[${found.index}].fields[${found.section.fields.length}]`;
  found.section.fields.push(read.field);
  places.formRows![path] = row;
  if (!into.fields.has(read.field.key))
    into.fields.set(read.field.key, { path, field: read.field, sectionKey: found.section.key });
}

function addColumn(
  r: ReturnType<typeof rowReader>,
  row: number,
  read: FormRow,
  into: Building,
  places: RowPlaces,
) {
  const parent = into.fields.get(read.table);
  if (parent?.field.type !== 'table') {
    r.problem('table', `所属表格“${read.table}”须为此前各行中类型为“表格”的字段的字段标识`);
    return;
  }
  if (read.section.key && read.section.key !== parent.sectionKey) {
    r.problem('sectionKey', `表格“${read.table}”在分组“${parent.sectionKey}”中，表格的列不能填写其他分组`);
    return;
  }
  if (read.field.type === 'table') {
    r.problem('type', '表格的列不能是表格');
    return;
  }
  const { columns: _none, ...column } = read.field;
  parent.field.columns ??= [];
  places.formRows![`${parent.path}.columns[${parent.field.columns.length}]`] = row;
  parent.field.columns.push({ ...column, type: read.field.type });
}

/**
 * Reads the 申请表字段 rows into the forms of their implementations (an implementation without
 * rows has no form), and `covers` from the materials marked 由申请表代替. The forms' rules are
 * checked later with the whole document (validateFormDefinition, through documentProblems).
 */
export function readForms(rows: SheetRows, byCode: Map<string, Item>, issues: ImportIssue[]) {
  const building = new Map<Item, Building>();
  for (const { row, texts } of rows) {
    const before = issues.length;
    const r = rowReader(FORM_SHEET, row, texts, issues);
    const read = readFormRow(r);
    const item = byCode.get(read.implementationCode.toUpperCase());
    if (read.implementationCode && !item)
      r.problem(
        'implementationCode',
        `实施编码“${read.implementationCode}”不在“${IMPLEMENTATION_SHEET.name}”工作表中`,
      );
    if (!item) continue;
    let into = building.get(item);
    if (!into) {
      into = { form: { sections: [] }, sections: new Map(), fields: new Map() };
      building.set(item, into);
    }
    if (issues.length === before) {
      if (read.table) addColumn(r, row, read, into, item.places);
      else addField(r, row, read, into, item.places);
    }
    if (issues.length > before) item.broken = true;
  }
  for (const item of new Set(byCode.values())) {
    const form = building.get(item)?.form;
    const covers = (item.places.coverRows ?? []).map(
      (row) => item.places.materialKeys[item.places.materialRows.indexOf(row)]!,
    );
    if (form) {
      if (covers.length) form.covers = covers;
      item.document.form = form;
    } else if (covers.length) {
      for (const row of item.places.coverRows!)
        issues.push({
          sheet: MATERIAL_SHEET.name,
          row,
          column: columnName(MATERIAL_SHEET, 'coveredByForm'),
          problem: `该事项在“${FORM_SHEET.name}”工作表中没有字段，材料不能由申请表代替`,
        });
      item.broken = true;
    }
  }
}
