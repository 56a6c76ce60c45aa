/**
 * The restore drill: cases with files written through the HTTP API of a server on the embedded
 * database, `npm run backup`, more cases, a time T, more cases, `npm run restore -- --at T` →
 * exactly the cases up to T, their files (hash checked) and an audit chain that verifies.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { signInApplicant } from '../cases/testing.ts';
import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/client.ts';
import { startEmbedded } from '../db/embedded.ts';
import { filePath, readFile } from '../files/index.ts';
import { type RunningServer, startServer } from '../server.ts';
import { runCli } from './testing.ts';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yw-${name}-`));
  dirs.push(dir);
  return dir;
};
let server: RunningServer | null = null;
after(async () => {
  await server?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Filed = { id: string; caseNo: string; sha256: string; content: Buffer };

/** One application of the demo company with one uploaded PDF of its own content. */
async function fileCase(
  company: Browser,
  matter: { id: string; key: string },
  label: string,
): Promise<Filed> {
  const content = Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n%%EOF\n`);
  const upload = await company.request({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(`${label}.pdf`)}`,
    headers: { 'content-type': 'application/pdf' },
    payload: content,
  });
  assert.equal(upload.statusCode, 200, upload.body);
  const { sha256 } = upload.json() as { sha256: string };
  const res = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: matter.id,
      materials: [{ key: matter.key, sha256, fileName: `${label}.pdf` }],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { id, caseNo } = res.json() as { id: string; caseNo: string };
  return { id, caseNo, sha256, content };
}

test('restore to a time T between writes gives exactly the cases up to T, their files and a verifying audit chain', async (t) => {
  const dataDir = tempDir('backup-drill');
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', BUILD_APP: 'false' };
  let started = performance.now();
  server = await startServer(loadConfig({ ...env, SWEEP_INTERVAL_SECONDS: '0' }));
  t.diagnostic(`server with demo data: ${Math.round(performance.now() - started)} ms`);
  const { rows } = await server.database.pool.query<{ id: string; key: string }>(
    `SELECT i.id, v.document->'materials'->0->>'key' AS key
       FROM implementations i
       JOIN organisations o ON o.id = i.organisation_id
       JOIN implementation_versions v ON v.id = i.published_version_id
      WHERE o.short_name = '市场监管局' AND v.case_type = 'promised' AND v.document->'form' IS NULL
      ORDER BY i.code LIMIT 1`,
  );
  const matter = rows[0]!;
  const { rows: control } = await server.database.pool.query<{ id: string }>(
    'SELECT system_identifier::text AS id FROM pg_control_system()',
  );
  const marker = fs.readFileSync(path.join(dataDir, 'backup', 'system-identifier'), 'utf8').trim();
  assert.equal(marker, control[0]!.id, 'the archive knows the database it belongs to');
  const company = await signInApplicant(server.app, 'company', '91350100M000100Y43');
  const filed = async (label: string) => [
    await fileCase(company, matter, `${label}-1`),
    await fileCase(company, matter, `${label}-2`),
  ];

  // The demo data's own cases, there before any of the test's.
  const { rows: seeded } = await server.database.pool.query<{ case_no: string }>('SELECT case_no FROM cases');
  const beforeBackup = await filed('before-backup');
  started = performance.now();
  const backup = await runCli('backup', [], { DATA_DIR: dataDir });
  t.diagnostic(`npm run backup: ${Math.round(performance.now() - started)} ms`);
  assert.equal(backup.code, 0, backup.output);
  assert.match(backup.output, /Base backup \S+: \d+ files/);
  // The live store loses a file after the backup: the restore takes it from the backup.
  fs.rmSync(filePath(dataDir, beforeBackup[0]!.sha256));

  const afterBackup = await filed('after-backup');
  await pause(50);
  const at = new Date();
  await pause(50);
  const afterT = await filed('after-t');

  const restored = path.join(tempDir('backup-restored'), 'data');
  started = performance.now();
  const restore = await runCli('restore', ['--to', restored, '--at', at.toISOString()], {
    DATA_DIR: dataDir,
  });
  t.diagnostic(`npm run restore: ${Math.round(performance.now() - started)} ms`);
  assert.equal(restore.code, 0, restore.output);
  assert.match(restore.output, /Audit trail intact/);
  await server.stop();
  server = null;

  const embedded = await startEmbedded(restored, () => {});
  const database = connect(embedded.url, { max: 2 });
  try {
    const cases = await database.pool.query<{ id: string; case_no: string }>('SELECT id, case_no FROM cases');
    const upToT = [...beforeBackup, ...afterBackup];
    assert.deepEqual(
      cases.rows.map((c) => c.case_no).sort(),
      [...seeded.map((c) => c.case_no), ...upToT.map((c) => c.caseNo)].sort(),
    );
    for (const c of upToT) {
      const file = await readFile({ db: database.db, dataDir: restored, sha256: c.sha256 });
      assert.ok(file.content.equals(c.content), `the file of ${c.caseNo}`);
    }
    const stored = fs.readdirSync(path.join(restored, 'files'), { recursive: true }).map(String);
    for (const c of afterT) {
      assert.ok(!stored.some((name) => name.endsWith(c.sha256)), `no file of ${c.caseNo}, filed after T`);
    }
    const audited = (cs: Filed[]) =>
      database.pool.query('SELECT 1 FROM audit_records WHERE target_id = ANY($1)', [cs.map((c) => c.id)]);
    assert.ok(
      ((await audited(upToT)).rowCount ?? 0) >= upToT.length,
      'the audit records of the cases up to T',
    );
    assert.equal((await audited(afterT)).rowCount, 0, 'no audit record of a case filed after T');
    const audit = await verifyAuditChain({ db: database.db });
    assert.equal(audit.ok, true);
    assert.ok(audit.checked > 0);
    const hashes = (await database.pool.query<{ sha256: string }>('SELECT sha256 FROM stored_files')).rows;
    for (const { sha256 } of hashes) {
      const content = fs.readFileSync(filePath(restored, sha256));
      assert.equal(createHash('sha256').update(content).digest('hex'), sha256);
    }
  } finally {
    await database.close();
    await embedded.stop();
  }
});
