/**
 * A restore to a time after the last commit: recovery finds no commit after the time, so it ends
 * at the end of the archive, which holds everything up to the moment of the restore.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { connect } from '../core/db/client.ts';
import { startEmbedded } from '../db/embedded.ts';
import { applyMigrations } from '../db/migrate.ts';
import { readFile, storeFile } from '../files/index.ts';
import { restoreEmbedded } from './restore.ts';
import { backupEmbedded } from './service.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-backup-quiet-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

test('a restore to a time after the last commit of a quiet database restores everything up to it', async () => {
  const dataDir = path.join(root, 'data');
  const backupDir = path.join(root, 'backups');
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const embedded = await startEmbedded(dataDir, log, { backupDir });
  const to = path.join(root, 'restored');
  let stored: string[];
  try {
    const database = connect(embedded.url, { max: 2 });
    try {
      await applyMigrations(database);
      const first = await storeFile({
        db: database.db,
        dataDir,
        content: pdf('first'),
        declaredName: 'a.pdf',
      });
      await backupEmbedded({ dataDir, backupDir, log });
      const second = await storeFile({
        db: database.db,
        dataDir,
        content: pdf('second'),
        declaredName: 'b.pdf',
      });
      stored = [first.sha256, second.sha256].sort();
    } finally {
      await database.close();
    }
    await new Promise((r) => setTimeout(r, 50));
    const at = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const result = await restoreEmbedded({ dataDir, backupDir, to, at, log });
    assert.ok(
      logs.includes('nothing was committed after that time: recovering everything archived'),
      logs.join('\n'),
    );
    assert.equal(result.files.restored, 2);
    assert.deepEqual(result.files.missing, []);
    assert.equal(result.audit.ok, true);
  } finally {
    await embedded.stop();
  }
  const again = await startEmbedded(to, log);
  const restored = connect(again.url, { max: 1 });
  try {
    const { rows } = await restored.pool.query<{ sha256: string }>(
      'SELECT sha256 FROM stored_files ORDER BY 1',
    );
    assert.deepEqual(
      rows.map((r) => r.sha256),
      stored,
    );
    for (const sha256 of stored) await readFile({ db: restored.db, dataDir: to, sha256 });
  } finally {
    await restored.close();
    await again.stop();
  }
});
