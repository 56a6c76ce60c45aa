import { randomBytes, randomInt } from 'node:crypto';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import type { AuditContext } from '../core/audit-context.ts';
import type { Db } from '../core/db/client.ts';
import { findRegion, loadRegions } from '../regions/index.ts';

/** Values tests make up: unique, and valid where the application checks them (see common/identity.ts). */

/** Who the factories act as: the system, as when data is loaded. */
export const FACTORY_AUDIT: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'test-factory',
};

let counter = 0;
const BASE31 = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A short value no other call (in this process or another) returns: a counter and a random part. */
export function uniqueSuffix(): string {
  return `${(++counter).toString(36)}${randomBytes(4).toString('hex')}`;
}

const DAYS = 55 * 365;
/** Where this process starts counting birth dates: processes sharing a database start apart. */
const firstDay = randomInt(0, DAYS);

/**
 * A valid resident ID number (GB 11643) of someone born between 1950 and 2004: the sequence and the
 * birth date come from a counter (distinct for 20 million calls), started at a random date.
 */
export function buildIdNumber(region = '610102'): string {
  const n = ++counter;
  const day = (firstDay + Math.floor(n / 1000)) % DAYS;
  const date = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const first17 = `${region}${date}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A valid unified social credit code (GB 32100); `kind` 91 is a company, 11 a government body, 12 an institution. */
export function buildCreditCode(kind = '91', region = '610100'): string {
  let serial = ++counter % 31 ** 3;
  let body = '';
  for (let i = 0; i < 3; i++, serial = Math.floor(serial / 31)) body = BASE31[serial % 31] + body;
  for (let i = 0; i < 6; i++) body += BASE31[randomInt(0, 31)];
  return withCreditCheckCharacter(`${kind}${region}${body}`);
}

/** A mobile number of the 139 range. */
export function buildPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

const loadedRegions = new WeakMap<Db, Map<string, Promise<void>>>();

/** Loads the region (with 西安市 or its own subtree) from the division file once per database handle. */
export async function ensureRegion(db: Db, code: string): Promise<void> {
  const loads = loadedRegions.get(db) ?? new Map<string, Promise<void>>();
  loadedRegions.set(db, loads);
  let load = loads.get(code);
  if (!load) {
    load = (async () => {
      if (await findRegion(db, code)) return;
      await loadRegions({ db, roots: [code.startsWith('6101') ? '610100' : code] });
    })();
    loads.set(code, load);
  }
  await load;
}
