import { asc } from 'drizzle-orm';
import { whenChanged } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { certificateTypes } from './tables.ts';

export type CertificateTypeRow = typeof certificateTypes.$inferSelect;

/**
 * The catalogue of certificate types, read in one statement and kept in memory: it is reference
 * data that changes when the catalogue is imported, not with cases. A change made in this
 * process (importCertificateTypes announces `changed('certificate-types')` to the cache registry,
 * core/caches.ts) forgets it at once; one made by another process shows within
 * TYPES_TTL_MS. A name or id the kept catalogue lacks reads it again (at most once a second for
 * names, which also come from materials that are no certificates), so a type registered
 * elsewhere is found without waiting. One database per process, like the other kept data.
 */
const TYPES_TTL_MS = 60_000;
const MISS_RELOAD_MS = 1000;

type Catalogue = {
  types: CertificateTypeRow[];
  byId: Map<string, CertificateTypeRow>;
  loadedAt: number;
};

let kept: Catalogue | null = null;
/**
 * Transactions that changed the catalogue: what they read is not committed (and may be rolled
 * back), so they read it afresh each time and it is never kept.
 */
const changing = new WeakSet<object>();

/** Kept rows are shared by every request: frozen, so that a change of one fails loudly. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

async function read(db: DbOrTx): Promise<Catalogue> {
  const types = frozen(await db.select().from(certificateTypes).orderBy(asc(certificateTypes.code)));
  const catalogue = { types, byId: new Map(types.map((t) => [t.id, t])), loadedAt: Date.now() };
  if (!changing.has(db)) kept = catalogue;
  return catalogue;
}

/** The kept catalogue, read when there is none, it is too old, or `db` changed it. */
async function catalogue(db: DbOrTx): Promise<Catalogue> {
  if (kept && !changing.has(db) && Date.now() - kept.loadedAt < TYPES_TTL_MS) return kept;
  return read(db);
}

whenChanged('certificate-types', () => {
  kept = null;
});

/** `tx` changes the catalogue: until it ends it reads the catalogue afresh, and what it reads is not kept. */
export function readTypesAfreshIn(tx: DbOrTx): void {
  changing.add(tx);
}

const PARENTHESIS = /（[^（）]*）$/;

function byName(types: CertificateTypeRow[], name: string): CertificateTypeRow | null {
  return types.find((t) => t.name === name) ?? types.find((t) => t.aliases.includes(name)) ?? null;
}

function matching(types: CertificateTypeRow[], wanted: string): CertificateTypeRow | null {
  const exact = byName(types, wanted);
  if (exact || !PARENTHESIS.test(wanted)) return exact;
  return byName(types, wanted.replace(PARENTHESIS, ''));
}

/**
 * The type named `name`: by name, by one of its aliases ('营业执照（变更后）'), or by the name
 * without a trailing parenthesis ('出生医学证明（补发）' → 出生医学证明). Null when none.
 */
export async function findCertificateType(db: DbOrTx, name: string): Promise<CertificateTypeRow | null> {
  const wanted = name.trim();
  const current = await catalogue(db);
  const found = matching(current.types, wanted);
  if (found || Date.now() - current.loadedAt < MISS_RELOAD_MS) return found;
  return matching((await read(db)).types, wanted);
}

/** The types of the given ids (every id a certificate refers to exists). */
export async function typesById(db: DbOrTx, ids: string[]): Promise<Map<string, CertificateTypeRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  let current = await catalogue(db);
  if (unique.some((id) => !current.byId.has(id))) current = await read(db);
  return new Map(unique.flatMap((id) => (current.byId.has(id) ? [[id, current.byId.get(id)!]] : [])));
}
