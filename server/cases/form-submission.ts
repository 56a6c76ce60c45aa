import type { KeptSource } from '../../common/forms/api.ts';
import { shownFields } from '../../common/forms/conditions.ts';
import type { FormDefinition, FormIssue } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';
import { loadActor } from '../accounts/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { cellsOf, formFields, formInvalid, issue, type KeptForm, unknownRegions } from './form-checks.ts';
import { prefillForm } from './form-prefill.ts';
import { sameValue } from './form-values.ts';
import { usableCertificates } from './prefill.ts';

/*
 * The application form of a submission: checked as the browser checks it (validateForm), then
 * against what only the server knows: a locked field (editable: false) holds the value the data
 * gives, a region exists, a file is one the submitter uploaded. What the case keeps: the values,
 * the source of each prefilled field (re-run here, never taken from the client) and the counts
 * of the prefill rate. What other checks of a filed form share is in form-checks.ts.
 */

/** A checked form: what to store, and the files it names (by path) for the submitter check. */
export type CheckedForm = {
  kept: KeptForm;
  /** Top-level fields holding a value, and of those the ones holding the value their source gave. */
  filled: number;
  prefilled: number;
  files: { path: string; sha256: string }[];
};

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
