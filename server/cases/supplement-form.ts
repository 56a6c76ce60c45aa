import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { KeptSource } from '../../common/forms/api.ts';
import type { FormDefinition, FormField, FormIssue, FormValues } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';
import type { Db } from '../core/db/client.ts';
import { uploadedBySql } from '../files/index.ts';
import {
  type Cell,
  cellsOf,
  formInvalid,
  type KeptForm,
  refuseOthersFormFiles,
  unknownRegions,
} from './form-checks.ts';
import { sameValue } from './form-values.ts';
import { fieldError, lastDetails } from './plan-parts.ts';
import type { CaseRow } from './rows.ts';

/*
 * 补正 at the form: a supplement notice may point at fields of the case's application form, and
 * the applicant corrects them with the resubmission. The form is checked again as a whole
 * (validateForm), prefilled fields keep their source (a correction is recorded beside it), and
 * the counts of the prefill rate follow.
 */

/** A problem of the one-time list: about a material, a field of the form, or the application as a whole. */
export type SupplementProblem = { materialKey?: string; fieldKey?: string; problem: string };

/** The top-level fields of a form by key. */
export const fieldsByKey = (definition: FormDefinition): Map<string, FormField> =>
  new Map(definition.sections.flatMap((s) => s.fields).map((f) => [f.key, f]));

/** The case's form as kept, or null for a case filed without one. */
export const keptForm = (row: CaseRow): KeptForm | null => {
  const form = row.form as Partial<KeptForm> | null;
  return form?.values ? { values: form.values, sources: form.sources ?? {} } : null;
};

/** What a problem names, as the notice and the messages say it: a material, a field of the 申请表, or 其他. */
export function problemSubject(document: ImplementationDocument, problem: SupplementProblem): string {
  if (problem.fieldKey) {
    const field = document.form ? fieldsByKey(document.form).get(problem.fieldKey) : undefined;
    return `申请表（${field?.label ?? problem.fieldKey}）`;
  }
  return (
    (problem.materialKey && document.materials.find((m) => m.key === problem.materialKey)?.name) || '其他'
  );
}

/**
 * Each problem names at most one thing: a material of the version, or a top-level field of the form
 * the case was filed with (else a 400 naming `problems/<i>/materialKey` or `problems/<i>/fieldKey`).
 */
export function checkProblemTargets(
  document: ImplementationDocument,
  row: CaseRow,
  problems: SupplementProblem[],
): void {
  const materials = new Set(document.materials.map((m) => m.key));
  const fields = document.form && keptForm(row) ? fieldsByKey(document.form) : null;
  problems.forEach((p, i) => {
    if (p.materialKey !== undefined && !materials.has(p.materialKey)) {
      throw fieldError(
        `problems/${i}/materialKey`,
        '不是该事项的申请材料',
        'is not a material of this matter',
      );
    }
    if (p.fieldKey === undefined) return;
    const field = `problems/${i}/fieldKey`;
    if (p.materialKey !== undefined) {
      throw fieldError(
        field,
        '一项问题只能指向一份材料或申请表的一个栏目',
        'name a material or a field, not both',
      );
    }
    if (!fields) throw fieldError(field, '本办件没有在线填写的申请表', 'this case has no application form');
    if (!fields.has(p.fieldKey)) {
      throw fieldError(field, '不是本办件申请表中的栏目', 'is not a field of the case’s application form');
    }
  });
}

const issue = (path: string, code: string, message: string, messageEn: string): FormIssue => ({
  path,
  code,
  message,
  messageEn,
});

/** Of the top-level fields, how many hold a value and how many hold the value their source gave. */
export const formCounts = (values: FormValues, sources: Record<string, KeptSource>) => ({
  formFieldsFilled: Object.keys(values).length,
  formFieldsPrefilled: Object.keys(values).filter((k) => sources[k] && !sources[k].corrected).length,
});

/**
 * The form corrected by a resubmission: `patch` gives new values by field key (null or '' clears
 * one). A field whose value changes must be one the last supplement notice named, unless that
 * notice has a problem naming nothing in particular, or the field held no value before (a field
 * newly shown or left empty). A prefilled field the form locks (`editable: false`) keeps its value.
 * The whole form is then checked again (a 400 form.invalid listing every issue); sources stay,
 * marked corrected where the value now differs from what the source gave. Answers the case's new
 * form and counts, and the keys of the fields that changed.
 */
export async function correctedForm(options: {
  db: Db;
  row: CaseRow;
  document: ImplementationDocument;
  patch: FormValues;
  accountId: string | null;
}): Promise<{ patch: { form: KeptForm } & ReturnType<typeof formCounts>; changed: string[] }> {
  const { db, row, document, patch, accountId } = options;
  const kept = keptForm(row);
  const definition = document.form;
  if (!kept || !definition)
    throw fieldError('form', '本办件没有在线填写的申请表', 'this case has no application form');
  const fields = fieldsByKey(definition);
  // Own properties only (a key such as __proto__ stays a key, and validateForm refuses it).
  const merged: FormValues = Object.fromEntries([
    ...Object.entries(kept.values).filter(([key]) => !Object.hasOwn(patch, key)),
    ...Object.entries(patch).filter(([, value]) => value !== null && value !== ''),
  ]);
  const check = validateForm(definition, merged);
  if (!check.ok) throw formInvalid(check.issues);
  const values = check.values;
  const changed = [...new Set([...Object.keys(kept.values), ...Object.keys(values)])].filter(
    (key) => !sameValue(kept.values[key], values[key]),
  );
  const notice = (await lastDetails(db, row.id, 'request_supplement')) as {
    problems?: SupplementProblem[];
  } | null;
  const problems = notice?.problems ?? [];
  const anyField = problems.some((p) => !p.fieldKey && !p.materialKey);
  const named = new Set(problems.flatMap((p) => (p.fieldKey ? [p.fieldKey] : [])));
  const issues: FormIssue[] = [];
  for (const key of changed) {
    if (!Object.hasOwn(patch, key)) continue; // hidden by another change: dropped, not edited
    const field = fields.get(key)!;
    const source = kept.sources[key];
    if (source && field.editable === false) {
      issues.push(
        issue(
          key,
          'locked',
          `${field.label}须与${source.label}一致，不能修改`,
          `must be the value of ${source.label}`,
        ),
      );
    } else if (!anyField && !named.has(key) && kept.values[key] !== undefined) {
      issues.push(
        issue(
          key,
          'not_named',
          `${field.label}不在补正告知所列的栏目中，不能修改`,
          'is not among the fields the supplement notice named',
        ),
      );
    }
  }
  // What only the server knows, for the values the correction brings: regions exist, files are one's own.
  const before = (cells: Cell[]) => new Set(cells.map((c) => `${c.path}=${String(c.value)}`));
  const fresh = (type: 'file' | 'region') => {
    const old = before(cellsOf(definition, kept.values, type));
    return cellsOf(definition, values, type).filter((c) => !old.has(`${c.path}=${String(c.value)}`));
  };
  for (const cell of await unknownRegions(db, fresh('region')))
    issues.push(issue(cell.path, 'region', `${cell.label}的行政区划代码不存在`, 'no region has this code'));
  if (issues.length > 0) throw formInvalid(issues);
  const files = fresh('file').map((c) => ({ path: c.path, sha256: c.value as string }));
  if (files.length > 0) {
    const { rows } = await db.execute<{ sha256: string }>(
      uploadedBySql(accountId, [...new Set(files.map((f) => f.sha256))]),
    );
    refuseOthersFormFiles(definition, files, new Set(rows.map((r) => r.sha256)));
  }
  const sources = Object.fromEntries(
    Object.entries(kept.sources)
      .filter(([key]) => values[key] !== undefined)
      .map(([key, source]) => [key, { ...source, corrected: !sameValue(values[key], source.value) }]),
  );
  return { patch: { form: { values, sources }, ...formCounts(values, sources) }, changed };
}
