import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so that a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  clientAddress: string | null;
  requestId: string | null;
};

/** The link of a record chained before content hashes existed: its fields and the previous link in one hash. */
export function recordHash(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString(), prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/** The hash of a record's content (canonical JSON of its fields), computed when it is written. */
export function contentHash(fields: HashedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash('sha256').update(body).digest('hex');
}

/** The chain link of a record: sha256 of the previous link and the record's content hash (as the database computes it). */
export function linkHash(prevHash: string, recordContentHash: string): string {
  return createHash('sha256')
    .update(prevHash + recordContentHash)
    .digest('hex');
}
