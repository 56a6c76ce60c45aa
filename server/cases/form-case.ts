import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { FilledForm, KeptSource } from '../../common/forms/api.ts';
import type { FormValues } from '../../common/forms/schema.ts';
import type { CaseRow } from './rows.ts';

/**
 * The form a case was filed with, as its page shows it: the definition of the case's version,
 * the values and sources kept (cases.form) and the counts of the prefill rate; null for a case
 * filed without a form (or under a version without one).
 */
export function filledFormOf(row: CaseRow, document: ImplementationDocument): FilledForm | null {
  const kept = row.form as { values?: FormValues; sources?: Record<string, KeptSource> } | null;
  if (!kept?.values || !document.form) return null;
  return {
    definition: document.form,
    values: kept.values,
    sources: kept.sources ?? {},
    filled: row.formFieldsFilled ?? Object.keys(kept.values).length,
    prefilled: row.formFieldsPrefilled ?? 0,
  };
}
