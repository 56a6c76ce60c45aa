import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { archiveCommand, prepareArchive, restoreCommand, systemIdentifier } from './wal-archive.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-archive-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** What PostgreSQL does with archive_command / restore_command: %p, %f and %% expanded, run by sh. */
function run(command: string, cwd: string, p: string, f: string): number {
  const expanded = command.replace(/%([pf%])/g, (_m, c: string) => (c === 'p' ? p : c === 'f' ? f : '%'));
  return spawnSync('/bin/sh', ['-c', expanded], { cwd }).status ?? -1;
}

test('archive_command compresses a segment into the archive atomically, accepts a repeat, never overwrites', () => {
  const dataDir = path.join(root, 'pg');
  const walDir = path.join(root, "wal it's 100% $HOME");
  fs.mkdirSync(path.join(dataDir, 'pg_wal'), { recursive: true });
  fs.mkdirSync(walDir);
  const segment = '000000010000000000000001';
  const content = Buffer.concat([randomBytes(64 * 1024), Buffer.alloc(1024 * 1024)]);
  fs.writeFileSync(path.join(dataDir, 'pg_wal', segment), content);
  const command = archiveCommand(walDir);

  assert.equal(run(command, dataDir, `pg_wal/${segment}`, segment), 0);
  const archived = path.join(walDir, `${segment}.gz`);
  assert.ok(gunzipSync(fs.readFileSync(archived)).equals(content));
  assert.ok(fs.statSync(archived).size < 100 * 1024, 'zeros compress');
  assert.deepEqual(fs.readdirSync(walDir), [`${segment}.gz`], 'no temporary file left');

  assert.equal(run(command, dataDir, `pg_wal/${segment}`, segment), 0, 'the same segment again: archived');
  fs.writeFileSync(path.join(dataDir, 'pg_wal', segment), randomBytes(1024));
  assert.notEqual(
    run(command, dataDir, `pg_wal/${segment}`, segment),
    0,
    'other content under the same name',
  );
  assert.ok(gunzipSync(fs.readFileSync(archived)).equals(content), 'the archived segment is untouched');

  const restore = restoreCommand(walDir);
  assert.equal(run(restore, dataDir, 'pg_wal/RECOVERYXLOG', segment), 0);
  assert.ok(fs.readFileSync(path.join(dataDir, 'pg_wal', 'RECOVERYXLOG')).equals(content));
  assert.notEqual(run(restore, dataDir, 'pg_wal/RECOVERYHISTORY', '00000002.history'), 0);
  assert.equal(fs.existsSync(path.join(dataDir, 'pg_wal', 'RECOVERYHISTORY')), false);
});

function fakeDatabase(dir: string, id: bigint): void {
  fs.mkdirSync(path.join(dir, 'global'), { recursive: true });
  const control = Buffer.alloc(512);
  control.writeBigUInt64LE(id, 0);
  fs.writeFileSync(path.join(dir, 'global', 'pg_control'), control);
}

test('the archive of another database is moved aside, not mixed with this one', () => {
  const backupDir = path.join(root, 'backup');
  const first = path.join(root, 'first');
  fakeDatabase(first, 7716032049203477452n);
  assert.equal(systemIdentifier(first), '7716032049203477452');
  const logs: string[] = [];
  const layout = prepareArchive(first, backupDir, (m) => logs.push(m));
  fs.writeFileSync(path.join(layout.wal, '000000010000000000000001.gz'), 'old');
  fs.mkdirSync(path.join(layout.base, '20260101T000000.000Z'), { recursive: true });
  prepareArchive(first, backupDir, (m) => logs.push(m));
  assert.equal(logs.length, 0, 'the same database: nothing moved');
  assert.equal(fs.readdirSync(layout.wal).length, 1);

  const second = path.join(root, 'second');
  fakeDatabase(second, 42n);
  prepareArchive(second, backupDir, (m) => logs.push(m));
  assert.equal(logs.length, 1);
  assert.deepEqual(fs.readdirSync(layout.wal), []);
  const aside = fs.readdirSync(backupDir).filter((name) => name.startsWith('previous-7716032049203477452-'));
  assert.equal(aside.length, 1);
  assert.deepEqual(fs.readdirSync(path.join(backupDir, aside[0]!, 'wal')), ['000000010000000000000001.gz']);
  assert.deepEqual(fs.readdirSync(path.join(backupDir, aside[0]!, 'base')), ['20260101T000000.000Z']);
  assert.equal(fs.readFileSync(path.join(backupDir, 'system-identifier'), 'utf8').trim(), '42');
});
