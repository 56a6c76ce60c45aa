import { useState } from 'react';
import { validateForm } from '../../../common/forms/validate.ts';
import { ApiError } from '../api/client.ts';
import type { FieldSource, FormDefinition, FormIssue, FormValues } from './types.ts';

/** The form part of the prefill answer, as far as filling needs it. */
export type FormStart = {
  definition: FormDefinition;
  values: FormValues;
  sources: Record<string, FieldSource>;
};

/** The issues of a 400 'form.invalid' answer, or null for any other error. */
export function formIssuesOf(error: unknown): FormIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'form.invalid') return null;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as FormIssue[]) : null;
}

/**
 * The values of an application form being filled: they start from `start` (the prefill, or a
 * resumed draft), and start again when `startKey` changes (another applicant at the counter).
 * `check` validates them as the server will: the cleaned values to submit (none without a form),
 * or null with the problems handed to the renderer.
 */
export function useFormFilling(start: FormStart | null, startKey: string, initial?: FormValues) {
  const [state, setState] = useState<{ key: string | null; values: FormValues; issues: FormIssue[] }>({
    key: null,
    values: {},
    issues: [],
  });
  if (start && state.key !== startKey) {
    const values = initial ?? start.values;
    setState({ key: startKey, values, issues: [] });
  }
  const values = start && state.key === startKey ? state.values : (initial ?? start?.values ?? {});
  const setValues = (next: FormValues) => setState((before) => ({ ...before, values: next }));
  const setIssues = (issues: FormIssue[]) => setState((before) => ({ ...before, issues }));
  const check = (): { form?: FormValues } | null => {
    if (!start) return {};
    const result = validateForm(start.definition, values);
    setIssues(result.ok ? [] : result.issues);
    return result.ok ? { form: result.values } : null;
  };
  /** Takes a refusal naming the form's fields onto them; true when it did. */
  const refused = (error: unknown) => {
    const issues = formIssuesOf(error);
    if (!issues) return false;
    setIssues(issues);
    return true;
  };
  return { values, setValues, issues: state.issues, setIssues, check, refused };
}
