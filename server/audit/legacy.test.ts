import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { connect } from '../core/db/client.ts';
import { applyMigrations, MIGRATIONS_FOLDER } from '../db/migrate.ts';
import { TEST_DATABASE_URL } from '../testing/db.ts';
import { GENESIS_HASH, type HashedFields, recordHash } from './chain.ts';
import { type AuditContext, recordAudit, verifyAuditChain } from './service.ts';

const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'legacy' };

/** The migrations up to (not including) the one that moved the links into audit_chain. */
function foldersBeforeChain(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith('audit_chain_and_case_numbers'));
  assert.ok(cut > 0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

test('records chained before the chain table keep verifying after the migration, and new ones follow them', async () => {
  const name = `yw_test_legacy_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), { max: 3 });
  const older = foldersBeforeChain();
  try {
    await migrate(database.db, { migrationsFolder: older });
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const fields: HashedFields = {
        at: new Date(Date.UTC(2026, 0, 1 + i)),
        actorId: null,
        actorName: '旧记录',
        role: 'system',
        organisationId: null,
        action: 'legacy.write',
        targetType: 'thing',
        targetId: String(i),
        summary: { i, 名称: `第${i}条` },
        clientAddress: null,
        requestId: null,
      };
      const hash = recordHash(prev, fields);
      await database.db.execute(sql`
        INSERT INTO audit_records (at, actor_name, role, action, target_type, target_id, summary, prev_hash, hash)
        VALUES (${fields.at}, ${fields.actorName}, ${fields.role}, ${fields.action}, ${fields.targetType},
                ${fields.targetId}, ${JSON.stringify(fields.summary)}::jsonb, ${prev}, ${hash})`);
      prev = hash;
    }
    await applyMigrations(database);
    await database.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, { action: 'new.write', targetType: 'thing', summary: { after: true } }),
    );
    const result = await verifyAuditChain({ db: database.db, batchSize: 2 });
    assert.equal(result.ok, true);
    assert.equal(result.checked, 4);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_records DISABLE TRIGGER USER`);
      await tx.execute(sql`UPDATE audit_records SET actor_name = '别人' WHERE target_id = '1'`);
      await tx.execute(sql`ALTER TABLE audit_records ENABLE TRIGGER USER`);
    });
    const broken = await verifyAuditChain({ db: database.db });
    assert.equal(broken.brokenAt?.problem, 'content_altered');
    assert.equal(broken.checked, 1);
  } finally {
    fs.rmSync(older, { recursive: true, force: true });
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
