import { type Kept, keptFor } from './kept.ts';

/**
 * One registry of what this process keeps in memory and what each kept value depends on. A cache
 * registers under the names of what it was read from; a module that changes one of those says
 * what changed (`changed('account', id)`), not which caches to forget, and the registry has every
 * dependent cache forget what the change makes stale. A change made by another process is not
 * seen here: kept values age out within their own time (see kept.ts).
 */
export type Changed =
  /** An account's data, grants or contact (id: the account). */
  | 'account'
  /** Every session of an account was closed: deactivation, password reset (id: the account). */
  | 'account-sessions'
  /** A session was closed: sign-out, a kiosk session's end (id: the session). */
  | 'session'
  /** A kiosk device was deactivated (id: the device). */
  | 'kiosk-device'
  /** The published version of a matter implementation (id: the implementation). */
  | 'implementation'
  /** The working-day calendar (no id). */
  | 'calendar'
  /** The certificate types (no id). */
  | 'certificate-types';

/** What a cache does when something it depends on changed; `id` undefined: anything of that name. */
export type Forget = (id: string | undefined) => void;

const dependents = new Map<Changed, Set<Forget>>();

/** Registers `forget` to run whenever `what` changes. Returns a function that unregisters it. */
export function whenChanged(what: Changed, forget: Forget): () => void {
  let set = dependents.get(what);
  if (!set) {
    set = new Set();
    dependents.set(what, set);
  }
  set.add(forget);
  return () => set.delete(forget);
}

/** Says that `what` changed in this process (the one of `id`, or all when no id): dependent caches forget. */
export function changed(what: Changed, id?: string): void {
  for (const forget of dependents.get(what) ?? []) forget(id);
}

/**
 * How a kept value depends on a change: 'key' (the entry kept under the changed id goes; all
 * entries when the change names no id), 'all' (every entry goes), or a function choosing.
 */
export type Dependence<V> = 'key' | 'all' | ((kept: Kept<V>, id: string | undefined) => void);

/**
 * Values kept for `ttlMs` (at most `limit` entries: keptFor) that are forgotten when what they
 * depend on changes: `dependsOn` maps each name to how (see Dependence).
 */
export function keptUnder<V>(options: {
  ttlMs: number;
  limit?: number;
  dependsOn: Partial<Record<Changed, Dependence<V>>>;
}): Kept<V> {
  const kept = keptFor<V>(options.ttlMs, options.limit);
  for (const [what, how] of Object.entries(options.dependsOn) as [Changed, Dependence<V>][]) {
    whenChanged(what, (id) => {
      if (how === 'all' || id === undefined) kept.clear();
      else if (how === 'key') kept.delete(id);
      else how(kept, id);
    });
  }
  return kept;
}
