import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { backupLayout } from '../db/wal-archive.ts';
import { parseRestoreArgs } from './args.ts';
import type { BaseBackup } from './base.ts';
import { checkTarget, chooseBaseBackup } from './restore.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-restore-args-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('restore arguments: --to resolved, --at an ISO time with its offset', () => {
  assert.deepEqual(parseRestoreArgs(['--to', 'restored'], '/srv'), { to: '/srv/restored', at: null });
  const at = new Date('2026-05-01T02:30:00.250Z');
  for (const text of [
    '2026-05-01T10:30:00.250+08:00',
    '2026-05-01 10:30:00.25+0800',
    '2026-05-01T02:30:00.250Z',
  ]) {
    assert.deepEqual(parseRestoreArgs(['--at', text, '--to', '/x'], '/srv'), { to: '/x', at }, text);
  }
  assert.deepEqual(
    parseRestoreArgs(['--to=/x', '--at=2026-05-01T02:30Z']).at,
    new Date('2026-05-01T02:30:00Z'),
  );
});

test('bad restore arguments are refused naming the argument', () => {
  const refused = (argv: string[], code: string, field: string) =>
    assert.throws(() => parseRestoreArgs(argv, '/srv'), { code, field }, argv.join(' '));
  refused([], 'backup.argument_missing', '--to');
  refused(['--to'], 'backup.argument_missing', '--to');
  refused(['--to', '--at', '2026-05-01T02:30Z'], 'backup.argument_missing', '--to');
  refused(['--to', 'a', '--to', 'b'], 'backup.argument_repeated', '--to');
  refused(['--to', 'a', '--time', 'now'], 'backup.argument_unknown', '--time');
  refused(['restored'], 'backup.argument_unknown', 'restored');
  for (const time of [
    '2026-05-01T10:30:00',
    'yesterday',
    '2026-02-30T10:30:00Z',
    '2026-13-01T10:30Z',
    '1714530600',
  ]) {
    refused(['--to', 'a', '--at', time], 'backup.time_invalid', '--at');
  }
});

const backup = (finishedAt: string): BaseBackup => ({
  name: finishedAt,
  label: finishedAt,
  systemIdentifier: '1',
  timeline: 1,
  startLsn: '0/2000028',
  stopLsn: '0/2000100',
  startedAt: finishedAt,
  finishedAt,
  files: 1,
  bytes: 1,
});

test('a restore starts from the latest base backup finished by the time asked for', () => {
  const layout = backupLayout(root);
  const backups = [backup('2026-05-01T00:00:00.000Z'), backup('2026-05-02T00:00:00.000Z')];
  assert.equal(chooseBaseBackup(backups, null, layout).name, '2026-05-02T00:00:00.000Z');
  assert.equal(
    chooseBaseBackup(backups, new Date('2026-05-01T12:00:00Z'), layout).name,
    '2026-05-01T00:00:00.000Z',
  );
  assert.equal(
    chooseBaseBackup(backups, new Date('2026-05-02T00:00:00Z'), layout).name,
    '2026-05-02T00:00:00.000Z',
  );
  assert.throws(() => chooseBaseBackup(backups, new Date('2026-04-30T23:59:59Z'), layout), {
    code: 'backup.before_first',
    field: '--at',
  });
  assert.throws(() => chooseBaseBackup(backups, new Date(Date.now() + 60_000), layout), {
    code: 'backup.time_in_future',
  });
  assert.throws(() => chooseBaseBackup([], null, layout), { code: 'backup.no_base_backup' });
});

test('a restore writes into a new or empty directory only', async () => {
  await checkTarget(path.join(root, 'new'));
  fs.mkdirSync(path.join(root, 'empty'));
  await checkTarget(path.join(root, 'empty'));
  fs.writeFileSync(path.join(root, 'empty', 'x'), '');
  await assert.rejects(checkTarget(path.join(root, 'empty')), {
    code: 'backup.target_not_empty',
    field: '--to',
  });
  await assert.rejects(checkTarget(path.join(root, 'empty', 'x')), { code: 'backup.target_not_empty' });
});
