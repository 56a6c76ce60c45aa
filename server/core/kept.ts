/**
 * Values kept in this process for a fixed time: what a read found, used again without reading
 * until it is `ttlMs` old. Bounded: beyond `limit` entries the oldest kept goes first. A value that
 * a change in this process makes stale is kept with keptUnder (caches.ts), which forgets it when
 * that change is announced.
 */
export type Kept<V> = {
  /** The value kept for `key`, unless none or too old (then forgotten). */
  get: (key: string, now?: number) => V | undefined;
  /** Keeps `value` for `key` from `now` on, as the newest entry. */
  set: (key: string, value: V, now?: number) => void;
  delete: (key: string) => void;
  /** Forgets every entry. */
  clear: () => void;
  /** The entries kept, for forgetting those that match (e.g. every session of a device). */
  entries: () => IterableIterator<[string, V]>;
};

export function keptFor<V>(ttlMs: number, limit = 10_000): Kept<V> {
  const map = new Map<string, { value: V; until: number }>();
  return {
    get: (key, now = Date.now()) => {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.until > now) return hit.value;
      map.delete(key);
      return undefined;
    },
    set: (key, value, now = Date.now()) => {
      map.delete(key);
      map.set(key, { value, until: now + ttlMs });
      if (map.size > limit) map.delete(map.keys().next().value!);
    },
    delete: (key) => {
      map.delete(key);
    },
    clear: () => {
      map.clear();
    },
    entries: function* () {
      for (const [key, { value }] of map) yield [key, value];
    },
  };
}
