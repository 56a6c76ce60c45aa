/**
 * What a database superuser can do to the audit trail with the append-only triggers switched off
 * (session_replication_role = replica): for tests of what the checkpoints catch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../core/config.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { contentHash, type HashedFields, linkHash } from '../chain.ts';

async function asSuperuser<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    return work(tx);
  });
}

type Row = {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  role: string | null;
  organisation_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: unknown;
  client_address: string | null;
  request_id: string | null;
};

/**
 * Rewrites the summary of the record at chain position `pos`, gives it the content hash of its new
 * content and recomputes the hash of its link and of every later link and the head: the walk of the
 * chain then finds nothing wrong.
 */
export async function rewriteRecordAndRehash(db: Db, pos: number, summary: unknown): Promise<void> {
  await asSuperuser(db, async (tx) => {
    const { rows } = await tx.execute<Row>(sql`
      SELECT r.* FROM audit_records r JOIN audit_chain c ON c.record_seq = r.seq WHERE c.pos = ${pos}`);
    const row = rows[0];
    if (!row) throw new Error(`no record at position ${pos}`);
    const fields: HashedFields = {
      at: new Date(row.at),
      actorId: row.actor_id,
      actorName: row.actor_name,
      role: row.role,
      organisationId: row.organisation_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      summary,
      clientAddress: row.client_address,
      requestId: row.request_id,
    };
    await tx.execute(sql`
      UPDATE audit_records SET summary = ${JSON.stringify(summary)}::jsonb, content_hash = ${contentHash(fields)}
      WHERE seq = ${Number(row.seq)}`);
    const links = await tx.execute<{ pos: string; prev_hash: string; content_hash: string }>(sql`
      SELECT c.pos, c.prev_hash, r.content_hash FROM audit_chain c JOIN audit_records r ON r.seq = c.record_seq
      WHERE c.pos >= ${pos} ORDER BY c.pos`);
    let prev = links.rows[0]!.prev_hash;
    for (const link of links.rows) {
      const hash = linkHash(prev, link.content_hash);
      await tx.execute(
        sql`UPDATE audit_chain SET prev_hash = ${prev}, hash = ${hash} WHERE pos = ${link.pos}`,
      );
      prev = hash;
    }
    await tx.execute(sql`UPDATE audit_chain_head SET hash = ${prev} WHERE id`);
  });
}

/** Deletes the records after chain position `keep` and their links, and moves the head back to `keep`. */
export async function deleteNewestAndMoveHeadBack(db: Db, keep: number): Promise<void> {
  await asSuperuser(db, async (tx) => {
    await tx.execute(sql`
      DELETE FROM audit_records WHERE seq IN (SELECT record_seq FROM audit_chain WHERE pos > ${keep})`);
    await tx.execute(sql`DELETE FROM audit_chain WHERE pos > ${keep}`);
    await tx.execute(sql`
      UPDATE audit_chain_head SET pos = ${keep}, hash = (SELECT hash FROM audit_chain WHERE pos = ${keep})
      WHERE id`);
  });
}

/** The position and hash of the chain's head. */
export async function chainHead(db: Db): Promise<{ pos: number; hash: string }> {
  const { rows } = await db.execute<{ pos: string; hash: string }>(
    sql`SELECT pos, hash FROM audit_chain_head WHERE id`,
  );
  return { pos: Number(rows[0]!.pos), hash: rows[0]!.hash };
}

/** A temporary DATA_DIR and the checkpoint settings of it (for a database in `databaseUrl` when given). */
export function checkpointSettings(databaseUrl?: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-checkpoints-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return {
    dataDir,
    env,
    config: loadConfig(env).auditCheckpoints,
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
