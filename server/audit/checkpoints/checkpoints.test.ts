import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { createTestDatabase, type TestDatabase } from '../../testing/db.ts';
import { type AuditContext, recordAudit, verifyAuditChain } from '../service.ts';
import { trustedKeys } from './key.ts';
import { CHECKPOINT_FORMAT, lineText, parseLine, signCheckpoint } from './line.ts';
import {
  chainHead,
  checkpointSettings,
  deleteNewestAndMoveHeadBack,
  rewriteRecordAndRehash,
} from './testing.ts';
import { takeCheckpoint } from './write.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'test' };

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

async function write(db: TestDatabase, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await db.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, {
        action: 'test.write',
        targetType: 'thing',
        targetId: String(i),
        summary: { name: `第${i}号`, amount: i * 100 },
      }),
    );
  }
}

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}
const verifyCli = (env: Record<string, string>, args: string[] = []) =>
  run('server/audit/verify-cli.ts', args, env);
const checkpointCli = (env: Record<string, string>) => run('server/audit/checkpoints/cli.ts', [], env);

function source(config: ReturnType<typeof checkpointSettings>['config']) {
  return { logPath: config.logPath, trustedKeys: trustedKeys(config) };
}

test('a record rewritten with every later link recomputed passes the walk of the chain, but not a checkpoint taken before', async () => {
  const dir = checkpointSettings(t.url);
  try {
    await write(t, 6);
    const checkpoint = await takeCheckpoint({ db: t.db, config: dir.config, audit: SYSTEM });
    assert.equal(checkpoint.seq, 6);
    assert.equal(checkpoint.count, 6);
    assert.equal(checkpoint.headHash, (await chainHead(t.db)).hash);
    const intact = await verifyAuditChain({ db: t.db, checkpoints: source(dir.config) });
    assert.equal(intact.ok, true, JSON.stringify(intact));
    assert.equal(intact.checkpoints?.checked, 1);
    assert.equal(intact.checkpoints?.latest?.seq, 6);

    // The checkpoint's own audit record is linked after it: position 7.
    await write(t, 2);
    await rewriteRecordAndRehash(t.db, 3, { name: '篡改', amount: 1 });

    const walkOnly = await verifyAuditChain({ db: t.db });
    assert.equal(walkOnly.ok, true, 'without checkpoints the rewrite goes unnoticed');
    assert.equal(walkOnly.checked, 9);

    const result = await verifyAuditChain({ db: t.db, checkpoints: source(dir.config) });
    assert.equal(result.ok, false);
    assert.equal(result.brokenAt, null, 'the walk itself still finds nothing');
    assert.deepEqual(result.checkpoints?.problems, [{ line: 1, seq: 6, problem: 'hash_differs' }]);
    assert.equal(result.checkpoints?.checked, 0);
    assert.equal(result.checkpoints?.latest, null);

    const cli = await verifyCli(dir.env);
    assert.equal(cli.code, 1, cli.out);
    assert.match(cli.out, /审计记录完整：已校验 9 条/);
    assert.match(cli.out, /检查点日志第 1 行（位置 6）与哈希链在该位置的哈希不一致/);
    assert.match(cli.out, /Checkpoint log line 1 \(position 6\) differs from the chain at its position/);
  } finally {
    dir.remove();
  }
});

test('newest records deleted and the head moved back: the checkpoint past the head is reported, and still is once new records fill the positions', async () => {
  const fresh = await createTestDatabase();
  const dir = checkpointSettings(fresh.url);
  try {
    await write(fresh, 4);
    const first = await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    await write(fresh, 3);
    const second = await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    assert.deepEqual([first.seq, second.seq], [4, 8]);

    await deleteNewestAndMoveHeadBack(fresh.db, 6);
    const walkOnly = await verifyAuditChain({ db: fresh.db });
    assert.equal(walkOnly.ok, true, 'without checkpoints the deletion goes unnoticed');
    assert.equal(walkOnly.checked, 7, 'six kept, and the audit record of the second checkpoint linked now');

    const result = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.equal(result.ok, false);
    assert.deepEqual(result.checkpoints?.problems, [{ line: 2, seq: 8, problem: 'chain_truncated' }]);
    assert.equal(result.checkpoints?.checked, 1);
    assert.equal(result.checkpoints?.latest?.seq, 4);
    const cli = await verifyCli(dir.env);
    assert.equal(cli.code, 1, cli.out);
    assert.match(cli.out, /第 2 行（位置 8）所记录的链头已不在哈希链中/);

    await write(fresh, 4);
    const refilled = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.equal(refilled.ok, false);
    assert.equal(refilled.brokenAt, null);
    assert.deepEqual(refilled.checkpoints?.problems, [{ line: 2, seq: 8, problem: 'hash_differs' }]);
  } finally {
    dir.remove();
    await fresh.drop();
  }
});

test('forged and altered lines of the log are reported, and no checkpoint is chained to a forged last line', async () => {
  const fresh = await createTestDatabase();
  const dir = checkpointSettings(fresh.url);
  try {
    await write(fresh, 3);
    await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    await write(fresh, 2);
    const genuine = await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    const log = dir.config.logPath;
    const original = fs.readFileSync(log, 'utf8');
    assert.equal((await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) })).ok, true);

    // Signed with another key, chained properly: the key is not trusted.
    const attacker = sm2.generateKeyPairHex();
    const head = await chainHead(fresh.db);
    const forged = signCheckpoint(
      {
        format: CHECKPOINT_FORMAT,
        seq: head.pos,
        recordSeq: null,
        headHash: head.hash,
        count: head.pos,
        at: new Date().toISOString(),
        previous: genuine.lineHash,
        publicKey: attacker.publicKey,
      },
      attacker.privateKey,
    );
    fs.appendFileSync(log, `${lineText(forged)}\n`);
    const unknown = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.equal(unknown.ok, false);
    assert.deepEqual(unknown.checkpoints?.problems, [{ line: 3, seq: head.pos, problem: 'unknown_key' }]);
    await assert.rejects(takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM }), {
      code: 'audit.checkpoint_log_damaged',
    });
    assert.equal(fs.readFileSync(log, 'utf8').split('\n').length, 4, 'nothing appended');

    // Our public key, a changed hash, the signature left as it was.
    fs.writeFileSync(log, original);
    const lines = original.trimEnd().split('\n');
    const last = parseLine(lines[1]!, 2)!;
    const { line: _, lineHash: __, ...body } = last;
    const altered = lineText({ ...body, headHash: 'f'.repeat(64) });
    fs.writeFileSync(log, `${lines[0]}\n${altered}\n`);
    const badSignature = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.deepEqual(badSignature.checkpoints?.problems, [
      { line: 2, seq: last.seq, problem: 'signature_invalid' },
    ]);
    assert.equal(badSignature.checkpoints?.latest?.seq, 3, 'the first checkpoint still verifies');
    const cli = await verifyCli(dir.env);
    assert.equal(cli.code, 1, cli.out);
    assert.match(cli.out, /检查点日志第 2 行（位置 \d+）签名无效/);
    const refused = await checkpointCli(dir.env);
    assert.equal(refused.code, 2, refused.out);
    assert.match(refused.out, /无法写入审计检查点.*签名无效或来自未受信任的密钥/);

    // The first line altered: the second no longer chains to it, and its own signature fails.
    const first = parseLine(lines[0]!, 1)!;
    const { line: ___, lineHash: ____, ...firstBody } = first;
    fs.writeFileSync(log, `${lineText({ ...firstBody, count: 1 })}\n${lines[1]}\n`);
    const brokenLog = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.deepEqual(
      brokenLog.checkpoints?.problems.map((p) => [p.line, p.problem]),
      [
        [1, 'signature_invalid'],
        [2, 'log_chain_broken'],
      ],
    );
    fs.writeFileSync(log, original);
    assert.equal((await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) })).ok, true);
  } finally {
    dir.remove();
    await fresh.drop();
  }
});

test('a torn last line is ended before the next checkpoint and reported as not a checkpoint', async () => {
  const fresh = await createTestDatabase();
  const dir = checkpointSettings(fresh.url);
  try {
    await write(fresh, 1);
    await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    fs.appendFileSync(dir.config.logPath, '{"format":"yiwang-audit-che');
    const pending = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.equal(pending.ok, true, 'a line being written is left for the next reader');
    await takeCheckpoint({ db: fresh.db, config: dir.config, audit: SYSTEM });
    const result = await verifyAuditChain({ db: fresh.db, checkpoints: source(dir.config) });
    assert.deepEqual(result.checkpoints?.problems, [{ line: 2, seq: null, problem: 'line_malformed' }]);
    assert.equal(result.checkpoints?.checked, 2);
  } finally {
    dir.remove();
    await fresh.drop();
  }
});

test('the commands: a checkpoint now (audited), verification with witnesses, exit codes', async () => {
  const fresh = await createTestDatabase();
  const dir = checkpointSettings(fresh.url);
  try {
    await write(fresh, 2);
    const written = await checkpointCli(dir.env);
    assert.equal(written.code, 0, written.out);
    assert.match(written.out, /已写入签名检查点：位置 2，哈希 [0-9a-f]{64}/);
    assert.match(written.out, /key fingerprint \(SM3\): [0-9a-f]{64}/);
    const audited = await fresh.db.execute<{ summary: { seq: number } }>(
      sql`SELECT summary FROM audit_records WHERE action = 'audit.checkpoint'`,
    );
    assert.equal(audited.rows[0]?.summary.seq, 2);
    const key = JSON.parse(fs.readFileSync(dir.config.keyFile, 'utf8'));
    assert.equal(fs.statSync(dir.config.keyFile).mode & 0o777, 0o600);
    const [line] = fs.readFileSync(dir.config.logPath, 'utf8').trimEnd().split('\n');
    const checkpoint = parseLine(line!, 1)!;
    assert.equal(checkpoint.publicKey, key.publicKey);

    const ok = await verifyCli(dir.env, [
      '--witness',
      `2:${checkpoint.headHash}`,
      '--witness',
      checkpoint.headHash,
    ]);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /签名检查点：已核对 1 个，最新位置 2/);
    const found = ok.out.match(
      new RegExp(`Witness hash ${checkpoint.headHash} is in the chain at position 2\\.`, 'g'),
    );
    assert.equal(found?.length, 2, 'by position and hash, and by hash alone');

    const wrong = await verifyCli(dir.env, [
      '--witness',
      `1:${checkpoint.headHash}`,
      '--witness',
      `99:${checkpoint.headHash}`,
      '--witness',
      'A'.repeat(64),
    ]);
    assert.equal(wrong.code, 1, wrong.out);
    assert.match(wrong.out, /见证哈希 [0-9a-f]{64} 不在哈希链位置 1 中/);
    assert.match(wrong.out, /Witness hash [0-9a-f]{64} is NOT in the chain at position 99!/);
    assert.match(wrong.out, new RegExp(`Witness hash ${'a'.repeat(64)} is NOT in the chain!`));
    const malformed = await verifyCli(dir.env, ['--witness', '2:xyz']);
    assert.equal(malformed.code, 2, malformed.out);
    assert.match(malformed.out, /--witness must be <seq>:<hash>/);

    const noLog = checkpointSettings(fresh.url);
    try {
      const none = await verifyCli(noLog.env);
      assert.equal(none.code, 0, none.out);
      assert.match(none.out, /尚无签名检查点/);
    } finally {
      noLog.remove();
    }
  } finally {
    dir.remove();
    await fresh.drop();
  }
});
