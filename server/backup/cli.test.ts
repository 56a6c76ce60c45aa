import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { filePath } from '../files/index.ts';
import { filePath as backupFilePath } from './files.ts';
import { runCli } from './testing.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-backup-cli-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('npm run restore refuses bad arguments and a non-empty target with exit code 1 and a message naming them', async () => {
  const env = { DATA_DIR: path.join(root, 'none') };
  const badTime = await runCli('restore', ['--to', path.join(root, 'r1'), '--at', '2026-05-01 10:30'], env);
  assert.equal(badTime.code, 1, badTime.output);
  assert.match(badTime.output, /--at 的值“2026-05-01 10:30”不是带时区的 ISO 8601 时间/);
  assert.match(badTime.output, /--at: "2026-05-01 10:30" is not an ISO 8601 time with its offset/);
  const occupied = path.join(root, 'occupied');
  fs.mkdirSync(occupied);
  fs.writeFileSync(path.join(occupied, 'keep.txt'), 'mine');
  const nonEmpty = await runCli('restore', ['--to', occupied], env);
  assert.equal(nonEmpty.code, 1, nonEmpty.output);
  assert.match(nonEmpty.output, /is not an empty directory/);
  assert.deepEqual(fs.readdirSync(occupied), ['keep.txt']);
});

test('with an external DATABASE_URL backup and restore name the operator’s tools and handle the file store', async () => {
  const dataDir = path.join(root, 'external');
  const contents = ['%PDF-1.4 one', '%PDF-1.4 two'].map((text) => Buffer.from(text));
  const hashes = contents.map((c) => createHash('sha256').update(c).digest('hex'));
  contents.forEach((content, i) => {
    fs.mkdirSync(path.dirname(filePath(dataDir, hashes[i]!)), { recursive: true });
    fs.writeFileSync(filePath(dataDir, hashes[i]!), content);
  });
  const backupDir = path.join(root, 'external-backup');
  const env = {
    DATA_DIR: dataDir,
    BACKUP_DIR: backupDir,
    DATABASE_URL: 'postgres://yw@db.example:5432/yiwang',
  };
  const backup = await runCli('backup', [], env);
  assert.equal(backup.code, 0, backup.output);
  assert.match(backup.output, /pg_basebackup/);
  assert.match(backup.output, /pgBackRest or WAL-G/);
  assert.match(backup.output, /File store: 2 files copied, 0 already backed up/);
  const restored = path.join(root, 'external-restored');
  const restore = await runCli('restore', ['--to', restored], env);
  assert.equal(restore.code, 0, restore.output);
  assert.match(restore.output, /pg_restore/);
  for (const [i, sha256] of hashes.entries()) {
    assert.ok(fs.readFileSync(filePath(restored, sha256)).equals(contents[i]!));
  }
});

test('the backup lays out files as the file store does', () => {
  const sha256 = createHash('sha256').update('x').digest('hex');
  assert.equal(backupFilePath('/srv/data', sha256), filePath('/srv/data', sha256));
});
