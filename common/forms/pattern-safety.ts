import regexpTree from 'regexp-tree';

/*
 * A form's pattern runs on what applicants type, so a pattern whose check can take exponential time
 * (catastrophic backtracking) is refused when the form is saved. The known shape is a repetition of
 * variable length inside another repetition, such as (a+)+, (\d{1,3},?)* or (x*y?)+. Optional parts
 * ((…)?) and fixed counts ((\d{4}-)+) are fine. Server and import only: it parses with regexp-tree.
 */

type Node = { type: string; [key: string]: unknown };
type Quantifier = { kind: string; from?: number; to?: number };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Matches more than once (*, +, {2,}, {1,3}, {4}). */
const repeats = (q: Quantifier) =>
  q.kind === '*' || q.kind === '+' || (q.kind === 'Range' && (q.to === undefined || q.to > 1));

/** Matches a variable number of times (*, +, ?, {1,3}, {2,}); a fixed count {4} does not. */
const varies = (q: Quantifier) => q.kind !== 'Range' || q.to === undefined || q.to !== q.from;

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** Whether a varying repetition sits inside a repeating one. */
function nested(node: Node, insideRepeat: boolean): boolean {
  if (node.type === 'Repetition') {
    const q = node.quantifier as Quantifier;
    if (insideRepeat && varies(q) && q.kind !== '?') return true;
    return children(node).some((child) => nested(child, insideRepeat || repeats(q)));
  }
  return children(node).some((child) => nested(child, insideRepeat));
}

/** True when the pattern (Unicode mode) has no nested repetition; false when it has one or does not parse. */
export function isSafePattern(pattern: string): boolean {
  try {
    return !nested(regexpTree.parse(`/${pattern.replaceAll('/', '\\/')}/u`) as unknown as Node, false);
  } catch {
    return false;
  }
}
