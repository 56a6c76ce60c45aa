import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

/**
 * Shows an API error where the user can act on it: a 400 naming a field goes on that
 * field; anything else is returned as a message for the form's banner. A 409 version
 * conflict gets `conflictMessage`.
 */
export function applyApiError(form: FormInstance, error: unknown, conflictMessage: string): string | null {
  if (error instanceof ApiError) {
    if (error.status === 409 && error.code === 'resource.conflict') return conflictMessage;
    const field = error.field ? fieldName(error.field) : null;
    if (error.status === 400 && field && form.getFieldInstance(field) !== undefined) {
      form.setFields([{ name: field, errors: [error.message] }]);
      return null;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** 'body.regionCode' / '/regionCode' / 'regionCode' → 'regionCode'. */
function fieldName(field: string): string {
  return (
    field
      .replace(/^(body|query|params)[./]/, '')
      .replace(/^\//, '')
      .split(/[./]/)[0] ?? field
  );
}

/** The message to show for a failed action outside a form. */
export function messageOf(error: unknown, conflictMessage: string): string {
  if (error instanceof ApiError && error.status === 409 && error.code === 'resource.conflict')
    return conflictMessage;
  return error instanceof Error ? error.message : String(error);
}

/** The problems an all-or-nothing import lists in its 400 answer (by row and column), or null for another error. */
export function importProblemsOf<T>(error: unknown): T[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const details = error.details as { errors?: T[] } | undefined;
  return Array.isArray(details?.errors) ? details.errors : null;
}
