import { isDeepStrictEqual } from 'node:util';
import {
  Fee,
  ImplementationDocument,
  Material,
  Place,
  SpecialProcedureItem,
  Step,
  TimeLimit,
} from '../../common/catalogue/guide.ts';
import {
  FieldOption,
  FieldValidation,
  FormDefinition,
  FormField,
  FormSection,
} from '../../common/forms/schema.ts';

/** One difference between two documents: where, and the values before and after (undefined when absent). */
export type Change = { path: string; before: unknown; after: unknown };

/** Field order of the guide's and the form's schemas, so that changes read in the order of the form. */
const RANK = new Map<string, number>();
for (const schema of [
  ImplementationDocument,
  TimeLimit,
  Material,
  Fee,
  Step,
  Place,
  SpecialProcedureItem,
  FormDefinition,
  FormSection,
  FormField,
  FieldOption,
  FieldValidation,
]) {
  for (const key of Object.keys(schema.properties)) if (!RANK.has(key)) RANK.set(key, RANK.size);
}
const byRank = (a: string, b: string) =>
  (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size) || (a < b ? -1 : a > b ? 1 : 0);

/** Values read as one whole: a form field's conditions (a change of `equals` to `in` is one change). */
const WHOLE = new Set(['shownWhen', 'requiredWhen']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What identifies the items of a list: `key` (materials, form sections, fields, columns), `value` (options). */
const IDENTITIES = ['key', 'value'] as const;

const idOf = (v: unknown, by: string): string | null =>
  isObject(v) && typeof v[by] === 'string' ? (v[by] as string) : null;

/** The property every item of both lists carries and no two items of one list share, if any. */
function identity(a: unknown[], b: unknown[]): string | null {
  if (!a.length && !b.length) return null;
  return (
    IDENTITIES.find((by) =>
      [a, b].every((list) => {
        const ids = list.map((item) => idOf(item, by));
        return ids.every((id) => id !== null) && new Set(ids).size === ids.length;
      }),
    ) ?? null
  );
}

/** Items matched by identity: changed, removed and added ones, then the order when it changed. */
function walkIdentified(path: string, before: unknown[], after: unknown[], by: string, out: Change[]) {
  const old = new Map(before.map((item) => [idOf(item, by)!, item]));
  const next = new Map(after.map((item) => [idOf(item, by)!, item]));
  for (const [id, item] of old) {
    const at = `${path}[${by}=${id}]`;
    if (next.has(id)) walk(at, item, next.get(id), out);
    else out.push({ path: at, before: item, after: undefined });
  }
  for (const [id, item] of next) {
    if (!old.has(id)) out.push({ path: `${path}[${by}=${id}]`, before: undefined, after: item });
  }
  const kept = (ids: Iterable<string>, other: Map<string, unknown>) => [...ids].filter((id) => other.has(id));
  const was = kept(old.keys(), next);
  const now = kept(next.keys(), old);
  if (was.some((id, i) => id !== now[i])) {
    out.push({ path: `${path}[order]`, before: [...old.keys()], after: [...next.keys()] });
  }
}

function walk(path: string, before: unknown, after: unknown, out: Change[]): void {
  if (Object.is(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byRank);
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      if (WHOLE.has(key) && isDeepStrictEqual(before[key], after[key])) continue;
      if (WHOLE.has(key)) out.push({ path: at, before: before[key], after: after[key] });
      else walk(at, before[key], after[key], out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const by = identity(before, after);
    if (by) {
      walkIdentified(path, before, after, by, out);
      return;
    }
    const scalars = [...before, ...after].every((v) => !isObject(v) && !Array.isArray(v));
    if (scalars) {
      // Lists of codes or words (channels, themes, keywords) read best as one change.
      if (before.length !== after.length || before.some((v, i) => !Object.is(v, after[i]))) {
        out.push({ path, before, after });
      }
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  out.push({ path, before, after });
}

/**
 * The structural differences between two versions' documents, e.g.
 * `{ path: 'materials[key=yyzz].gapAllowed', before: false, after: true }` or
 * `{ path: 'form.sections[key=business].fields[key=seats].label', before: '座位', after: '座位数' }`.
 * Materials, form sections, fields and table columns are matched by key, options by value, and a
 * new order of the same items is one change (`form.sections[key=business].fields[order]`, the keys
 * before and after); other arrays of objects by index; lists of plain values and a field's
 * conditions (shownWhen, requiredWhen) as a whole.
 */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk('', before, after, out);
  return out;
}
