import type { TFunction } from 'i18next';
import type { CaseDetail } from './types.ts';

/** A problem of a supplement notice (一次性告知): about a material, a field of the form, or neither. */
export type Problem = { materialKey?: string; fieldKey?: string; problem: string };

/** The one-time list of the last supplement request. */
export function lastProblems(detail: CaseDetail): Problem[] {
  const last = detail.timeline.findLast((e) => e.action === 'request_supplement');
  return (last?.details.problems as Problem[] | undefined) ?? [];
}

/** The labels of the case form's top-level fields, by key. */
export function fieldLabels(detail: CaseDetail): Map<string, string> {
  const fields = detail.form?.definition.sections.flatMap((s) => s.fields) ?? [];
  return new Map(fields.map((f) => [f.key, f.label]));
}

/** What a problem is about, as the applicant and the reviewer read it. */
export function problemSubject(detail: CaseDetail, problem: Problem, t: TFunction): string {
  if (problem.fieldKey) {
    const label = fieldLabels(detail).get(problem.fieldKey) ?? problem.fieldKey;
    return t('cases.fix.fieldProblem', { field: label });
  }
  if (problem.materialKey) {
    return detail.materials.find((m) => m.key === problem.materialKey)?.name ?? problem.materialKey;
  }
  return t('cases.detail.general');
}

/** The fields of the form the last supplement notice names. */
export const namedFields = (detail: CaseDetail): string[] => [
  ...new Set(lastProblems(detail).flatMap((p) => (p.fieldKey ? [p.fieldKey] : []))),
];
