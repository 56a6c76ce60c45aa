import { holds, isEmpty, type Lookup, shownFields } from '../../../common/forms/conditions.ts';
import type { AnyField } from './format.ts';

/** What the conditions of one level (the form's fields, or a table row's columns) say for its values. */
export type LevelState = {
  shown: Set<string>;
  /** Whether a shown field must be filled (required, or its requiredWhen holds). */
  required: (field: AnyField) => boolean;
  /** A field's value as conditions read it (undefined when hidden or empty); for the row level below. */
  lookup: Lookup;
};

/**
 * Evaluates shownWhen and requiredWhen as validateForm does (common/forms/conditions.ts): a
 * hidden field counts as empty, a row's columns look at the form through `outer`.
 */
export function levelState(
  fields: readonly AnyField[],
  values: Record<string, unknown>,
  outer: Lookup = () => undefined,
): LevelState {
  const known = new Set(fields.map((f) => f.key));
  const value = (key: string) => {
    const v = Object.hasOwn(values, key) ? values[key] : undefined;
    return isEmpty(v) ? undefined : v;
  };
  const shown = shownFields(fields, value, outer);
  const lookup: Lookup = (key) => (known.has(key) ? (shown.has(key) ? value(key) : undefined) : outer(key));
  const required = (field: AnyField) =>
    field.required === true || (field.requiredWhen !== undefined && holds(field.requiredWhen, lookup));
  return { shown, required, lookup };
}
