import fc from 'fast-check';
import type { Browser } from '../../accounts/testing.ts';
import type { App } from '../../core/http/types.ts';
import { hostileString } from './values.ts';

/**
 * The ids a property test of routes draws: a name of something its fixture built ('hall', 'ticket' …),
 * any uuid, or a hostile string. `value` turns a name into the id `ids()` gives it (anything else stays
 * as it is); `enc` percent-encodes every byte of that for a path segment.
 */
export function namedIds(names: readonly string[], ids: () => Record<string, string>) {
  const value = (v: string) => {
    const known = ids();
    return Object.hasOwn(known, v) ? known[v]! : v;
  };
  return {
    id: () => fc.oneof(fc.constantFrom(...names), fc.uuid(), hostileString(40)),
    value,
    enc: (v: string) => [...Buffer.from(value(v))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
  };
}

/** Sends a request as one of the signed-in `who`, or as 'nobody' (no session) straight to `app`. */
export function sendAs<W extends string>(app: App, who: Record<W, Browser>, as: W | 'nobody') {
  return (options: Parameters<Browser['request']>[0]): ReturnType<Browser['request']> =>
    as === 'nobody' ? app.inject(options) : who[as].request(options);
}
