import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';

/** Deepest nesting of objects and arrays accepted in a JSON body. */
export const MAX_JSON_DEPTH = 64;

export type Fault = 'nul' | 'surrogate' | 'depth';

const PROBLEMS: Record<Fault, { problem: string; problemEn: string }> = {
  nul: { problem: '含有不允许的空字符（NUL）', problemEn: 'contains a NUL character' },
  surrogate: {
    problem: '含有无效的字符（不成对的 Unicode 代理项）',
    problemEn: 'contains an unpaired Unicode surrogate',
  },
  depth: {
    problem: `嵌套超过 ${MAX_JSON_DEPTH} 层`,
    problemEn: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
  },
};

/**
 * PostgreSQL cannot store the NUL character in text, and a lone UTF-16 surrogate (a JSON
 * escape such as "\ud800") is not valid Unicode: text or jsonb holding either fails deep in a query.
 */
function textFault(text: string): Fault | null {
  if (text.includes('\u0000')) return 'nul';
  return text.isWellFormed() ? null : 'surrogate';
}

/** An object or array being walked, and how far. */
type Frame = { node: Record<string, unknown> | unknown[]; keys: string[] | null; index: number };

const open = (node: object): Frame =>
  Array.isArray(node)
    ? { node, keys: null, index: 0 }
    : { node: node as Record<string, unknown>, keys: Object.keys(node), index: 0 };

/** The key of the item a frame is at (the one taken last). */
const keyAt = (frame: Frame): string =>
  frame.keys === null ? String(frame.index - 1) : (frame.keys[frame.index - 1] ?? '');

/**
 * The first fault of a value as parsed from JSON, a query string or a path, and where it is
 * ('items.2.note'; keys are checked too): a NUL character, an unpaired surrogate, or nesting
 * deeper than `maxDepth`. Walks with its own stack, so no input can overflow the call stack.
 */
export function findFault(root: unknown, maxDepth = MAX_JSON_DEPTH): { path: string; fault: Fault } | null {
  if (typeof root === 'string') {
    const fault = textFault(root);
    return fault ? { path: '', fault } : null;
  }
  if (root === null || typeof root !== 'object') return null;
  const stack: Frame[] = [open(root)];
  const at = (fault: Fault) => ({ path: stack.map(keyAt).join('.').toWellFormed(), fault });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    let value: unknown;
    if (frame.keys === null) {
      const items = frame.node as unknown[];
      if (frame.index >= items.length) {
        stack.pop();
        continue;
      }
      value = items[frame.index++];
    } else {
      if (frame.index >= frame.keys.length) {
        stack.pop();
        continue;
      }
      const key = frame.keys[frame.index++]!;
      const fault = textFault(key);
      if (fault) return at(fault);
      value = (frame.node as Record<string, unknown>)[key];
    }
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) return at(fault);
    } else if (value !== null && typeof value === 'object') {
      if (stack.length >= maxDepth) return at('depth');
      stack.push(open(value));
    }
  }
  return null;
}

/** The 400 naming the field of the first fault of one part of a request ('body', 'query', 'params'), or null. */
export function faultOf(part: string, value: unknown): AppError | null {
  const found = findFault(value);
  if (!found) return null;
  return new AppError('request.invalid', { field: found.path || part, params: PROBLEMS[found.fault] });
}

function refuseFaults(part: string, value: unknown): void {
  const error = faultOf(part, value);
  if (error) throw error;
}

/**
 * Input the database could not store, or that is too deep to be meant, is refused at the edge as a
 * 400 naming the field. JSON bodies are checked by the JSON parser right after parsing (so the
 * check costs one walk and runs before any hook or handler sees the body); path parameters, the
 * query string and text bodies before validation. Binary bodies (files) are never walked.
 */
export function guardInput(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      const fault = faultOf('body', value);
      return fault ? done(fault, undefined) : done(null, value);
    });
  });
  app.addHook('preValidation', async (request) => {
    refuseFaults('params', request.params);
    refuseFaults('query', request.query);
    if (typeof request.body === 'string') refuseFaults('body', request.body);
  });
}
