import { inArray } from 'drizzle-orm';
import type { KeptSource } from '../../common/forms/api.ts';
import { shownFields } from '../../common/forms/conditions.ts';
import type { FormDefinition, FormIssue, FormValues } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';
import { readRegionFile } from '../../common/regions/data.ts';
import { loadActor } from '../accounts/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { regions } from '../regions/index.ts';
import { formFields, prefillForm } from './form-prefill.ts';
import { sameValue } from './form-values.ts';
import { usableCertificates } from './prefill.ts';

/*
 * The application form of a submission: checked as the browser checks it (validateForm), then
 * against what only the server knows: a locked field (editable: false) holds the value the data
 * gives, a region exists, a file is one the submitter uploaded. What the case keeps: the values,
 * the source of each prefilled field (re-run here, never taken from the client) and the counts
 * of the prefill rate.
 */

/** The form a case keeps (cases.form): the values as checked and the sources of prefilled fields. */
export type KeptForm = { values: FormValues; sources: Record<string, KeptSource> };

/** A checked form: what to store, and the files it names (by path) for the submitter check. */
export type CheckedForm = {
  kept: KeptForm;
  /** Top-level fields holding a value, and of those the ones holding the value their source gave. */
  filled: number;
  prefilled: number;
  files: { path: string; sha256: string }[];
};

/** form.invalid: every issue in the details, the first one named as the field. */
export function formInvalid(issues: FormIssue[]): AppError {
  const first = issues[0]!;
  return new AppError('form.invalid', {
    field: `form/${first.path}`,
    params: { count: issues.length, problem: first.message, problemEn: first.messageEn },
    details: { issues },
  });
}

const issue = (path: string, code: string, message: string, messageEn: string): FormIssue => ({
  path,
  code,
  message,
  messageEn,
});

type Cell = { path: string; label: string; value: unknown };

/** Every value of a type in the values (top-level fields and table columns), with its path. */
function cellsOf(definition: FormDefinition, values: FormValues, type: 'file' | 'region'): Cell[] {
  const cells: Cell[] = [];
  for (const field of formFields(definition)) {
    const value = values[field.key];
    if (field.type === type && value !== undefined)
      cells.push({ path: field.key, label: field.label, value });
    if (field.type !== 'table' || !Array.isArray(value)) continue;
    value.forEach((row: Record<string, unknown>, i) => {
      for (const column of field.columns ?? [])
        if (column.type === type && row[column.key] !== undefined)
          cells.push({
            path: `${field.key}.${i}.${column.key}`,
            label: column.label,
            value: row[column.key],
          });
    });
  }
  return cells;
}

let fileRegions: Set<string> | null = null;

/** The codes of the committed division file (common/regions), read once. */
function divisionCodes(): Set<string> {
  fileRegions ??= new Set(readRegionFile().map((r) => r.code));
  return fileRegions;
}

/** The region cells whose code is neither in the division file nor added to the region tree. */
async function unknownRegions(db: Db, cells: Cell[]): Promise<Cell[]> {
  const outside = cells.filter((c) => !divisionCodes().has(c.value as string));
  if (outside.length === 0) return [];
  const codes = [...new Set(outside.map((c) => c.value as string))];
  const added = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  const known = new Set(added.map((r) => r.code));
  return outside.filter((c) => !known.has(c.value as string));
}

/**
 * Checks the form of an application to a version with a form, for the applicant of the case; a
 * 400 'form.invalid' listing every issue (field: the first) when anything is wrong. The prefill
 * is run again for the applicant (with the staff member's certificate authorisations when staff
 * submit), so a locked field must hold what the data gives now, and the sources kept are the
 * server's. A field whose value differs from its source's is kept as corrected.
 */
export async function checkSubmittedForm(options: {
  db: Db;
  definition: FormDefinition;
  values: unknown;
  applicantId: string;
  staff: Actor | null;
}): Promise<CheckedForm> {
  const { db, definition } = options;
  const check = validateForm(definition, options.values ?? {});
  if (!check.ok) throw formInvalid(check.issues);
  const values = check.values;
  const applicant = await loadActor(db, options.applicantId);
  if (!applicant || applicant.kind === 'staff') {
    throw new AppError('resource.not_found', { params: { resource: '申请人' } });
  }
  const holder = { kind: applicant.kind, login: applicant.login };
  const certificates = await usableCertificates({ db, holder, staff: options.staff });
  const [prefill, badRegions] = await Promise.all([
    prefillForm({ db, definition, holder, applicantId: applicant.accountId, certificates }),
    unknownRegions(db, cellsOf(definition, values, 'region')),
  ]);
  const issues: FormIssue[] = [];
  const shown = shownFields(formFields(definition), (key) => values[key]);
  for (const field of formFields(definition)) {
    const source = prefill.sources[field.key];
    if (field.editable !== false || !source || !shown.has(field.key)) continue;
    if (!sameValue(values[field.key], source.value))
      issues.push(
        issue(
          field.key,
          'locked',
          `${field.label}须与${source.label}一致，不能修改`,
          `must be the value of ${source.label}; it cannot be changed`,
        ),
      );
  }
  for (const cell of badRegions)
    issues.push(issue(cell.path, 'region', `${cell.label}的行政区划代码不存在`, 'no region has this code'));
  if (issues.length > 0) throw formInvalid(issues);
  const sources: Record<string, KeptSource> = {};
  for (const [key, source] of Object.entries(prefill.sources))
    if (values[key] !== undefined)
      sources[key] = { ...source, corrected: !sameValue(values[key], source.value) };
  return {
    kept: { values, sources },
    filled: Object.keys(values).length,
    prefilled: Object.values(sources).filter((s) => !s.corrected).length,
    files: cellsOf(definition, values, 'file').map((c) => ({ path: c.path, sha256: c.value as string })),
  };
}

/** A 400 form.invalid naming each file of the form the submitter did not upload (none: nothing). */
export function refuseOthersFormFiles(
  definition: FormDefinition,
  files: CheckedForm['files'],
  uploaded: ReadonlySet<string>,
): void {
  const labels = new Map<string, string>();
  for (const field of formFields(definition)) {
    labels.set(field.key, field.label);
    for (const column of field.columns ?? []) labels.set(`${field.key}.${column.key}`, column.label);
  }
  const issues = files
    .filter((f) => !uploaded.has(f.sha256))
    .map((f) => {
      const label = labels.get(f.path.replace(/\.\d+\./, '.')) ?? f.path;
      return issue(
        f.path,
        'file',
        `${label}须是提交人本人上传的文件，请重新上传`,
        'must be a file the submitter uploaded',
      );
    });
  if (issues.length > 0) throw formInvalid(issues);
}
