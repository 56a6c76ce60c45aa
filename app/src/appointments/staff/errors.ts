import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/**
 * Puts a 400 naming a field of the settings form on that field ('weekdays/1/close',
 * '/extraDays/0/day', 'body.maxDaysAhead'); true when it did.
 */
export function showAtField(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.field) return false;
  const parts = error.field
    .replace(/^(body|query|params)[./]/, '')
    .replace(/^\//, '')
    .split(/[./]/)
    .filter(Boolean);
  const name = parts.map((p, i) => (parts[0] === 'extraDays' && i === 1 ? Number(p) : p));
  if (name.length === 0 || form.getFieldInstance(name) === undefined) return false;
  form.setFields([{ name, errors: [error.message] }]);
  form.scrollToField(name);
  return true;
}
