import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type {
  PrefillFound as PrefillFoundSchema,
  Prefill as PrefillSchema,
  ReusedMaterial,
} from '../../../common/cases/api.ts';
import { api } from '../api/client.ts';
import type { FormStart } from '../forms/filling.ts';
import type { FormDefinition } from '../forms/types.ts';
import type { MaterialRef } from './types.ts';

/** A material found in a shared source (GET /api/cases/prefill). */
export type PrefillFound = Wire<typeof PrefillFoundSchema>;

export type Prefill = Wire<typeof PrefillSchema>;

/** Prefilled materials by key (the suggestion of each found material). */
export type Prefilled = Record<string, PrefillFound>;

/** A material the submission takes from its shared source instead of an upload. */
export type ReusedRef = Wire<typeof ReusedMaterial>;

/**
 * The prefill of an application: for an applicant his own; for a clerk or an agent the applicant
 * named by ID number or credit code (each look-up is audited on the server).
 */
export function usePrefill(
  implementationId: string | undefined,
  applicant?: { kind: string; login: string } | null,
) {
  const staff = applicant !== undefined;
  return useQuery({
    queryKey: ['/api/cases/prefill', implementationId, applicant?.kind, applicant?.login],
    queryFn: () =>
      api.get<Prefill>('/api/cases/prefill', {
        implementationId: implementationId!,
        ...(applicant ? { applicantKind: applicant.kind, applicantLogin: applicant.login } : {}),
      }),
    enabled: !!implementationId && (!staff || !!applicant),
    staleTime: 60_000,
  });
}

export function prefilledOf(prefill: Prefill | undefined): Prefilled {
  const result: Prefilled = {};
  for (const item of prefill?.items ?? []) if (item.found) result[item.key] = item.found;
  return result;
}

/** What the submission hands in: the uploads, and the prefilled materials not replaced by an upload. */
export function submittedMaterials(
  picked: Record<string, MaterialRef>,
  prefilled: Prefilled,
): (MaterialRef | ReusedRef)[] {
  const reused = Object.entries(prefilled)
    .filter(([key]) => !picked[key])
    .map(([key, found]) => ({ key, reuse: found.source, ref: found.ref }));
  return [...Object.values(picked), ...reused];
}

/**
 * Where the application form starts: the version's form with the values found for it (智能预填),
 * once the prefill has answered; the guide's form without values when the prefill has none.
 * Null for a matter without a form.
 */
export function formStartOf(
  prefill: { data?: Prefill; isPending: boolean; fetchStatus: string },
  form: FormDefinition | undefined,
): { start: FormStart | null; ready: boolean } {
  const found = prefill.data?.form;
  const definition = found?.definition ?? form;
  if (!definition) return { start: null, ready: true };
  const waiting = prefill.isPending && prefill.fetchStatus !== 'idle';
  return {
    start: { definition, values: found?.values ?? {}, sources: found?.sources ?? {} },
    ready: !waiting,
  };
}
