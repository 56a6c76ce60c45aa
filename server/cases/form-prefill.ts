import type { FieldSource, FormPrefill } from '../../common/forms/api.ts';
import type { FormDefinition } from '../../common/forms/schema.ts';
import type { CertificateView } from '../certificates/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { formFields } from './form-checks.ts';
import { candidatesOf, readHolderData } from './form-sources.ts';
import { fitValue } from './form-values.ts';
import type { Holder } from './prefill-registry.ts';

/**
 * 智能预填 of an application form: each field with a binding takes the first value the platform
 * holds about the applicant that fits it (a choice value must be an option, an amount must
 * parse): from the holder's current certificates (`certificates`: those the caller may use),
 * the legal-entity or population base, the account's profile, then the latest earlier case with
 * a field of the same binding (not for a locked field: `editable: false`). Each value comes with
 * its source. Files are never prefilled.
 */
export async function prefillForm(options: {
  db: DbOrTx;
  definition: FormDefinition;
  holder: Holder;
  /** The applicant's account when there is one (a first visit at a counter has none yet). */
  applicantId: string | null;
  certificates: CertificateView[];
}): Promise<FormPrefill> {
  const { definition } = options;
  const bound = formFields(definition).filter((f) => f.binding && f.type !== 'file');
  const values: Record<string, unknown> = {};
  const sources: Record<string, FieldSource> = {};
  if (bound.length === 0) return { definition, values, sources };
  const data = await readHolderData(options);
  for (const field of bound) {
    for (const candidate of candidatesOf(field.binding!, data)) {
      // A locked field takes only data the platform vouches for, never the applicant's own earlier entry.
      if (field.editable === false && candidate.source === 'earlier_case') continue;
      const value = fitValue(field, candidate.value);
      if (value === undefined) continue;
      values[field.key] = value;
      sources[field.key] = { source: candidate.source, label: candidate.label, value };
      break;
    }
  }
  return { definition, values, sources };
}
