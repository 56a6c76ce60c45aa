import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { copyDataDirectory } from './copy.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-copy-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${path.relative(dir, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

test('a base backup copies the data directory without WAL, lock, temporary and runtime files', async () => {
  const source = path.join(root, 'pg');
  const write = (name: string, content = 'x') => {
    fs.mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
    fs.writeFileSync(path.join(source, name), content);
  };
  write('PG_VERSION', '18\n');
  write('postgresql.auto.conf');
  write('global/pg_control', 'control');
  write('base/5/16384', 'a table');
  write('base/5/pg_internal.init');
  write('base/pgsql_tmp/pgsql_tmp123.0');
  write('pg_wal/000000010000000000000001', 'wal');
  write('pg_wal/archive_status/000000010000000000000001.ready', '');
  write('pg_stat_tmp/global.stat');
  write('pg_replslot/slot/state');
  write('pg_subtrans/0000');
  write('pg_xact/0000', 'commits');
  write('postmaster.pid', '123');
  write('postmaster.opts');
  write('backup_label');
  const target = path.join(root, 'copy');
  const totals = await copyDataDirectory(source, target);
  assert.deepEqual(files(target), [
    'PG_VERSION',
    'base/',
    'base/5/',
    'base/5/16384',
    'global/',
    'global/pg_control',
    'pg_replslot/',
    'pg_stat_tmp/',
    'pg_subtrans/',
    'pg_wal/',
    'pg_wal/archive_status/',
    'pg_wal/summaries/',
    'pg_xact/',
    'pg_xact/0000',
    'postgresql.auto.conf',
  ]);
  assert.equal(fs.readFileSync(path.join(target, 'base/5/16384'), 'utf8'), 'a table');
  assert.deepEqual(totals, { files: 5, bytes: 3 + 1 + 7 + 7 + 7 });
  assert.equal(fs.statSync(target).mode & 0o777, 0o700);
});
