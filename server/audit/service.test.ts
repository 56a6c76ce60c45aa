import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { regions } from '../regions/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { type AuditContext, linkAuditRecords, recordAudit, verifyAuditChain } from './service.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: '127.0.0.1', requestId: 'test' };

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

async function write(n: number, prefix = 'test.write'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, {
        action: prefix,
        targetType: 'thing',
        targetId: String(i),
        summary: { name: `第${i}号`, nested: { b: 2, a: [1, { z: true, y: null }] } },
      }),
    );
  }
}

async function seqs(): Promise<number[]> {
  const result = await t.db.execute<{ seq: string }>(sql`SELECT seq FROM audit_records ORDER BY seq`);
  return result.rows.map((r) => Number(r.seq));
}

/** What a superuser who switches the append-only triggers off can do. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_records DISABLE TRIGGER USER`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_records ENABLE TRIGGER USER`);
  });
}

function runCli(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/audit/verify-cli.ts'], {
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

test('an empty trail verifies', async () => {
  assert.deepEqual(await verifyAuditChain({ db: t.db }), {
    ok: true,
    checked: 0,
    headSeq: null,
    headHash: null,
    brokenAt: null,
  });
});

test('the record is written in the same transaction as the change: a rollback leaves neither', async () => {
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await tx
        .insert(regions)
        .values({ code: '990000', name: '测试省', level: 'province', path: '990000', depth: 0 });
      await recordAudit(tx, SYSTEM, {
        action: 'region.create',
        targetType: 'region',
        targetId: '990000',
        summary: { name: '测试省' },
      });
      throw new Error('the change fails after its audit record was written');
    }),
    /the change fails/,
  );
  const region = await t.db.execute(sql`SELECT 1 FROM regions WHERE code = '990000'`);
  assert.equal(region.rows.length, 0);
  const records = await t.db.execute(sql`SELECT 1 FROM audit_records WHERE target_id = '990000'`);
  assert.equal(records.rows.length, 0);
});

test('a chain of records verifies, across batches, with nested Chinese summaries', async () => {
  await write(7);
  const all = await seqs();
  for (const batchSize of [2, 5000]) {
    const result = await verifyAuditChain({ db: t.db, batchSize });
    assert.equal(result.ok, true);
    assert.equal(result.checked, 7);
    assert.equal(result.headSeq, all.at(-1));
    assert.match(result.headHash ?? '', /^[0-9a-f]{64}$/);
  }
});

test('UPDATE, DELETE and TRUNCATE of audit records are refused', async () => {
  await assert.rejects(t.db.execute(sql`UPDATE audit_records SET summary = '{}'::jsonb`), (e: Error) => {
    assert.match(String((e.cause as Error | undefined)?.message ?? e.message), /append-only/);
    return true;
  });
  await assert.rejects(t.db.execute(sql`DELETE FROM audit_records`), /append-only|Failed query/);
  await assert.rejects(t.db.execute(sql`TRUNCATE audit_records`), /append-only|Failed query/);
  assert.equal((await seqs()).length, 7);
  assert.equal((await verifyAuditChain({ db: t.db })).ok, true);
});

test('an altered summary is detected at its record; restoring it heals the chain', async () => {
  const third = (await seqs())[2]!;
  const original = await t.db.execute<{ summary: unknown }>(
    sql`SELECT summary FROM audit_records WHERE seq = ${third}`,
  );
  await tamper(sql`UPDATE audit_records SET summary = '{"name":"篡改"}'::jsonb WHERE seq = ${third}`);
  const result = await verifyAuditChain({ db: t.db, batchSize: 2 });
  assert.equal(result.ok, false);
  assert.deepEqual(result.brokenAt, { seq: third, problem: 'content_altered' });
  assert.equal(result.checked, 2);
  assert.equal(result.headSeq, (await seqs())[1]);

  const cli = await runCli({ DATABASE_URL: t.url });
  assert.equal(cli.code, 1, cli.out);
  assert.match(cli.out, new RegExp(`序号 ${third} 的记录内容被修改`));
  assert.match(cli.out, new RegExp(`BROKEN at seq ${third}: its content was altered`));

  await tamper(
    sql`UPDATE audit_records SET summary = ${JSON.stringify(original.rows[0]!.summary)}::jsonb WHERE seq = ${third}`,
  );
  assert.equal((await verifyAuditChain({ db: t.db })).ok, true);
});

test('an altered actor or time is detected as well', async () => {
  const fifth = (await seqs())[4]!;
  await tamper(sql`UPDATE audit_records SET at = at + interval '1 second' WHERE seq = ${fifth}`);
  assert.deepEqual((await verifyAuditChain({ db: t.db })).brokenAt, {
    seq: fifth,
    problem: 'content_altered',
  });
  await tamper(sql`UPDATE audit_records SET at = at - interval '1 second' WHERE seq = ${fifth}`);
  assert.equal((await verifyAuditChain({ db: t.db })).ok, true);
});

test('a deleted middle record is detected at its seq; deleting its link too breaks the link after it', async () => {
  const all = await seqs();
  await tamper(sql`DELETE FROM audit_records WHERE seq = ${all[3]!}`);
  const missing = await verifyAuditChain({ db: t.db });
  assert.equal(missing.ok, false);
  assert.deepEqual(missing.brokenAt, { seq: all[3], problem: 'record_missing' });
  assert.equal(missing.checked, 3);

  await t.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_chain DISABLE TRIGGER USER`);
    await tx.execute(sql`DELETE FROM audit_chain WHERE record_seq = ${all[3]!}`);
    await tx.execute(sql`ALTER TABLE audit_chain ENABLE TRIGGER USER`);
  });
  const result = await verifyAuditChain({ db: t.db });
  assert.equal(result.ok, false);
  assert.deepEqual(result.brokenAt, { seq: all[4], problem: 'link_broken' });
  assert.equal(result.checked, 3);

  const cli = await runCli({ DATABASE_URL: t.url });
  assert.equal(cli.code, 1, cli.out);
  assert.match(cli.out, new RegExp(`序号 ${all[4]} 的与前一条记录的链接断开`));
  assert.match(cli.out, /link to the previous record is broken/);
});

test('concurrent writers all enter the chain and it verifies', async () => {
  const fresh = await createTestDatabase();
  try {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fresh.db.transaction(async (tx) => {
          await recordAudit(tx, SYSTEM, { action: 'test.parallel', targetType: 'thing', summary: { i } });
          await new Promise((r) => setTimeout(r, (i * 7) % 13));
          await recordAudit(tx, SYSTEM, {
            action: 'test.parallel',
            targetType: 'thing',
            summary: { i, again: true },
          });
        }),
      ),
    );
    const result = await verifyAuditChain({ db: fresh.db, batchSize: 7 });
    assert.equal(result.ok, true);
    assert.equal(result.checked, 80);
    const links = await fresh.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_chain`);
    assert.equal(Number(links.rows[0]!.n), 80);
  } finally {
    await fresh.drop();
  }
});

test('a committed record waits in the queue until linked; one committed later than a newer record is linked after it', async () => {
  const fresh = await createTestDatabase();
  const record = (tx: Parameters<Parameters<typeof fresh.db.transaction>[0]>[0], name: string) =>
    recordAudit(tx, SYSTEM, { action: `test.${name}`, targetType: 'thing', summary: { name } });
  const chain = async () =>
    (
      await fresh.db.execute<{ action: string }>(sql`
        SELECT r.action FROM audit_chain c JOIN audit_records r ON r.seq = c.record_seq ORDER BY c.pos`)
    ).rows.map((r) => r.action);
  try {
    let release: () => void = () => {};
    let recorded: () => void = () => {};
    const wasRecorded = new Promise<void>((r) => {
      recorded = r;
    });
    // The older record (lower seq) stays uncommitted while a newer one commits.
    const slow = fresh.db.transaction(async (tx) => {
      await record(tx, 'older');
      recorded();
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await wasRecorded;
    await fresh.db.transaction((tx) => record(tx, 'newer'));
    await assert.rejects(
      fresh.db.transaction(async (tx) => {
        await record(tx, 'rolled_back');
        throw new Error('rolled back');
      }),
    );
    assert.deepEqual(await chain(), [], 'nothing is linked before the linker runs');
    assert.equal(await linkAuditRecords(fresh.db), 1, 'only the committed record is linked');
    assert.deepEqual(await chain(), ['test.newer']);
    release();
    await slow;
    assert.equal(await linkAuditRecords(fresh.db), 1);
    assert.deepEqual(await chain(), ['test.newer', 'test.older']);
    assert.equal(await linkAuditRecords(fresh.db), 0, 'nothing is linked twice');
    const result = await verifyAuditChain({ db: fresh.db });
    assert.equal(result.ok, true, JSON.stringify(result.brokenAt));
    assert.equal(result.checked, 2);
  } finally {
    await fresh.drop();
  }
});

test('a record written around the queue trigger is reported as unchained', async () => {
  const fresh = await createTestDatabase();
  try {
    await fresh.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, { action: 'test.one', targetType: 'thing', summary: {} }),
    );
    await fresh.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_records DISABLE TRIGGER USER`);
      await tx.execute(sql`
        INSERT INTO audit_records (at, action, target_type, summary, content_hash)
        VALUES (now(), 'forged', 'thing', '{}'::jsonb, repeat('a', 64))`);
      await tx.execute(sql`ALTER TABLE audit_records ENABLE TRIGGER USER`);
    });
    const result = await verifyAuditChain({ db: fresh.db });
    assert.equal(result.ok, false);
    assert.equal(result.brokenAt?.problem, 'record_unchained');
  } finally {
    await fresh.drop();
  }
});

test('the CLI reports an intact chain with exit code 0 and an unreachable database with exit code 2', async () => {
  const fresh = await createTestDatabase();
  try {
    await fresh.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, { action: 'test.one', targetType: 'thing', summary: { a: 1 } }),
    );
    const ok = await runCli({ DATABASE_URL: fresh.url });
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /审计记录完整：已校验 1 条/);
    assert.match(ok.out, /Audit trail intact: 1 records checked/);
  } finally {
    await fresh.drop();
  }
  const down = await runCli({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
  assert.equal(down.code, 2, down.out);
  assert.match(down.out, /无法校验审计记录 \/ Cannot verify the audit trail: .*ECONNREFUSED/);
  assert.doesNotMatch(down.out, /\n\s+at /);
  const badConfig = await runCli({ DATABASE_URL: 'mysql://x@y/z' });
  assert.equal(badConfig.code, 2, badConfig.out);
  assert.match(badConfig.out, /DATABASE_URL/);
});

test('twenty concurrent writers, some of them rolled back, keep one valid chain', async () => {
  const concurrent = await createTestDatabase();
  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        concurrent.db.transaction(async (tx) => {
          await tx.execute(sql`SELECT pg_sleep(${(i % 4) * 0.01})`);
          await recordAudit(tx, SYSTEM, {
            action: 'test.concurrent',
            targetType: 'thing',
            targetId: String(i),
            summary: { i },
          });
          if (i % 5 === 4) throw new Error('rolled back after writing its record');
        }),
      ),
    );
    assert.equal(outcomes.filter((o) => o.status === 'rejected').length, 4);
    const result = await verifyAuditChain({ db: concurrent.db });
    assert.equal(result.ok, true);
    assert.equal(result.checked, 16);
    const ids = await concurrent.db.execute<{ id: string }>(sql`SELECT target_id AS id FROM audit_records`);
    const expected = Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 5 !== 4);
    assert.deepEqual(
      ids.rows.map((r) => Number(r.id)).sort((a, b) => a - b),
      expected,
    );
  } finally {
    await concurrent.drop();
  }
});
