import { inArray } from 'drizzle-orm';
import type { KeptSource } from '../../common/forms/api.ts';
import type { FormDefinition, FormField, FormIssue, FormValues } from '../../common/forms/schema.ts';
import { readRegionFile } from '../../common/regions/data.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { regions } from '../regions/index.ts';

/*
 * What the checks of a filed form share (the submission, the 补正 of a form): the refusal listing
 * every issue, the cells of a type in the values, regions that exist, files the submitter uploaded.
 */

/** The top-level fields of a form. */
export const formFields = (definition: FormDefinition): FormField[] =>
  definition.sections.flatMap((s) => s.fields);

/** The form a case keeps (cases.form): the values as checked and the sources of prefilled fields. */
export type KeptForm = { values: FormValues; sources: Record<string, KeptSource> };

/** form.invalid: every issue in the details, the first one named as the field. */
export function formInvalid(issues: FormIssue[]): AppError {
  const first = issues[0]!;
  return new AppError('form.invalid', {
    field: `form/${first.path}`,
    params: { count: issues.length, problem: first.message, problemEn: first.messageEn },
    details: { issues },
  });
}

export const issue = (path: string, code: string, message: string, messageEn: string): FormIssue => ({
  path,
  code,
  message,
  messageEn,
});

export type Cell = { path: string; label: string; value: unknown };

/** Every value of a type in the values (top-level fields and table columns), with its path. */
export function cellsOf(definition: FormDefinition, values: FormValues, type: 'file' | 'region'): Cell[] {
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
export async function unknownRegions(db: Db, cells: Cell[]): Promise<Cell[]> {
  const outside = cells.filter((c) => !divisionCodes().has(c.value as string));
  if (outside.length === 0) return [];
  const codes = [...new Set(outside.map((c) => c.value as string))];
  const added = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  const known = new Set(added.map((r) => r.code));
  return outside.filter((c) => !known.has(c.value as string));
}

/** A 400 form.invalid naming each file of the form the submitter did not upload (none: nothing). */
export function refuseOthersFormFiles(
  definition: FormDefinition,
  files: { path: string; sha256: string }[],
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
