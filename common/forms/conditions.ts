import type { Condition } from './schema.ts';

/** Whether a value counts as not given: absent, null, blank text, no items, a range without its days. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

const same = (value: unknown, expected: unknown) =>
  typeof value === 'string' && typeof expected === 'string' ? value.trim() === expected : value === expected;

/** equals on a list (multiChoice) holds when one of the chosen values is the one expected. */
function matches(value: unknown, expected: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => same(item, expected));
  return same(value, expected);
}

/** The value of a field as a condition sees it (undefined when hidden or not given). */
export type Lookup = (key: string) => unknown;

/**
 * Evaluates a condition (shownWhen, requiredWhen) over the values `lookup` gives. Never throws:
 * a malformed condition does not hold.
 */
export function holds(condition: Condition, lookup: Lookup, depth = 0): boolean {
  if (depth > 50 || typeof condition !== 'object' || condition === null) return false;
  if ('and' in condition)
    return Array.isArray(condition.and) && condition.and.every((c) => holds(c, lookup, depth + 1));
  if ('or' in condition)
    return Array.isArray(condition.or) && condition.or.some((c) => holds(c, lookup, depth + 1));
  if ('not' in condition) return !holds(condition.not, lookup, depth + 1);
  if (typeof condition.field !== 'string') return false;
  const value = lookup(condition.field);
  if ('equals' in condition) return !isEmpty(value) && matches(value, condition.equals);
  if ('in' in condition)
    return !isEmpty(value) && Array.isArray(condition.in) && condition.in.some((e) => matches(value, e));
  if ('notEmpty' in condition) return !isEmpty(value);
  return false;
}

/** The keys of the fields a condition reads. */
export function fieldsOf(condition: Condition | undefined, into: string[] = []): string[] {
  if (!condition || typeof condition !== 'object') return into;
  if ('and' in condition) for (const c of condition.and) fieldsOf(c, into);
  else if ('or' in condition) for (const c of condition.or) fieldsOf(c, into);
  else if ('not' in condition) fieldsOf(condition.not, into);
  else into.push(condition.field);
  return into;
}

type Conditional = { key: string; shownWhen?: Condition };

/**
 * Which of the fields are shown for these values. A condition reading a hidden field sees it
 * empty. In a cycle of shownWhen (refused by validateFormDefinition) a field read while its own
 * condition is being evaluated counts as hidden, so evaluation ends. `outer` gives the fields
 * beyond these (a table row's columns look at the form).
 */
export function shownFields(
  fields: readonly Conditional[],
  value: (key: string) => unknown,
  outer: Lookup = () => undefined,
): Set<string> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const state = new Map<string, 'pending' | boolean>();
  const shown = (key: string): boolean => {
    const known = state.get(key);
    if (known !== undefined) return known === true;
    const field = byKey.get(key)!;
    state.set(key, 'pending');
    const result = !field.shownWhen || holds(field.shownWhen, lookup);
    state.set(key, result);
    return result;
  };
  const lookup: Lookup = (key) => {
    if (!byKey.has(key)) return outer(key);
    return shown(key) ? value(key) : undefined;
  };
  const result = new Set<string>();
  for (const field of fields) if (shown(field.key)) result.add(field.key);
  return result;
}
