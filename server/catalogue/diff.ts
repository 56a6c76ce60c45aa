import {
  Fee,
  ImplementationDocument,
  Material,
  Place,
  SpecialProcedureItem,
  Step,
  TimeLimit,
} from '../../common/catalogue/guide.ts';

/** One difference between two documents: where, and the values before and after (undefined when absent). */
export type Change = { path: string; before: unknown; after: unknown };

/** Field order of the guide's schemas, so that changes read in the order of the form. */
const RANK = new Map<string, number>();
for (const schema of [ImplementationDocument, TimeLimit, Material, Fee, Step, Place, SpecialProcedureItem]) {
  for (const key of Object.keys(schema.properties)) if (!RANK.has(key)) RANK.set(key, RANK.size);
}
const byRank = (a: string, b: string) =>
  (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size) || (a < b ? -1 : a > b ? 1 : 0);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keyOf = (v: unknown): string | null => (isObject(v) && typeof v.key === 'string' ? v.key : null);

/** Arrays whose items all carry a `key` (materials) are matched by key; other arrays by index. */
function keyed(a: unknown[], b: unknown[]): boolean {
  const all = [...a, ...b];
  return all.length > 0 && all.every((item) => keyOf(item) !== null);
}

function walk(path: string, before: unknown, after: unknown, out: Change[]): void {
  if (Object.is(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byRank);
    for (const key of keys) walk(path ? `${path}.${key}` : key, before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (keyed(before, after)) {
      const old = new Map(before.map((item) => [keyOf(item)!, item]));
      const next = new Map(after.map((item) => [keyOf(item)!, item]));
      for (const [key, item] of old) {
        const at = `${path}[key=${key}]`;
        if (next.has(key)) walk(at, item, next.get(key), out);
        else out.push({ path: at, before: item, after: undefined });
      }
      for (const [key, item] of next) {
        if (!old.has(key)) out.push({ path: `${path}[key=${key}]`, before: undefined, after: item });
      }
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
 * `{ path: 'materials[key=yyzz].gapAllowed', before: false, after: true }`.
 * Materials are matched by key; other arrays of objects by index; lists of plain values as a whole.
 */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk('', before, after, out);
  return out;
}
