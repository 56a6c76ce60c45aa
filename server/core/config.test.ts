import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('defaults make a bare start work: port 3000, embedded database under ./data, demo data on', () => {
  const config = loadConfig({}, '/srv/yiwang');
  assert.equal(config.port, 3000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.databaseUrl, null);
  assert.equal(config.dataDir, '/srv/yiwang/data');
  assert.equal(config.backupDir, '/srv/yiwang/data/backup');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.demoData, true);
  assert.equal(config.secureCookies, false);
  assert.equal(config.buildApp, true);
  assert.equal(config.bodyLimitBytes, 1024 * 1024);
  assert.ok(config.sessionSecret.length >= 16);
  assert.ok(config.sessionTtlHours > 0);
  assert.ok(config.signIn.maxFailures > 0);
});

test('given values are parsed into their types', () => {
  const config = loadConfig(
    {
      PORT: '8080',
      DATABASE_URL: 'postgresql://yw@db.example:5433/yiwang',
      DATA_DIR: 'var/yw',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      SECURE_COOKIES: 'yes',
      BODY_LIMIT_BYTES: '2048',
      SESSION_SECRET: 'a-long-enough-secret-value',
    },
    '/srv/yiwang',
  );
  assert.equal(config.port, 8080);
  assert.equal(config.databaseUrl, 'postgresql://yw@db.example:5433/yiwang');
  assert.equal(config.dataDir, '/srv/yiwang/var/yw');
  assert.equal(config.backupDir, '/srv/yiwang/var/yw/backup');
  assert.equal(loadConfig({ BACKUP_DIR: 'backups' }, '/srv/yiwang').backupDir, '/srv/yiwang/backups');
  assert.throws(() => loadConfig({ BACKUP_DIR: 'data/pg/backup' }, '/srv/yiwang'), {
    variable: 'BACKUP_DIR',
  });
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.demoData, false);
  assert.equal(config.secureCookies, true);
  assert.equal(config.bodyLimitBytes, 2048);
  assert.equal(config.sessionSecret, 'a-long-enough-secret-value');
});

test('time-limit warnings: two working days and a sweep every minute by default; 0 turns the sweep off', () => {
  const defaults = loadConfig({}, '/srv/yiwang');
  assert.equal(defaults.warningWorkingDays, 2);
  assert.equal(defaults.sweepIntervalSeconds, 60);
  const given = loadConfig({ WARNING_WORKING_DAYS: '3', SWEEP_INTERVAL_SECONDS: '0' }, '/srv/yiwang');
  assert.equal(given.warningWorkingDays, 3);
  assert.equal(given.sweepIntervalSeconds, 0);
  assert.throws(() => loadConfig({ WARNING_WORKING_DAYS: '-1' }), { variable: 'WARNING_WORKING_DAYS' });
  assert.throws(() => loadConfig({ SWEEP_INTERVAL_SECONDS: 'often' }), {
    variable: 'SWEEP_INTERVAL_SECONDS',
  });
});

test('audit checkpoints: key file and log under DATA_DIR/audit (one log per external database), every 5 minutes', () => {
  const defaults = loadConfig({}, '/srv/yiwang').auditCheckpoints;
  assert.deepEqual(defaults, {
    signingKey: null,
    keyFile: '/srv/yiwang/data/audit/checkpoint-key.json',
    logPath: '/srv/yiwang/data/audit/checkpoints.jsonl',
    intervalSeconds: 300,
    trustedKeys: [],
  });
  const external = loadConfig({ DATABASE_URL: 'postgres://yw:pw@db.example:5433/yiwang' }, '/srv/yiwang');
  assert.equal(
    external.auditCheckpoints.logPath,
    '/srv/yiwang/data/audit/checkpoints-db.example-5433-yiwang.jsonl',
  );
  const trusted = `04${'A'.repeat(128)}`;
  const given = loadConfig(
    {
      AUDIT_SIGNING_KEY: 'AB'.repeat(32),
      AUDIT_CHECKPOINT_LOG: 'shared/checkpoints.jsonl',
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
      AUDIT_CHECKPOINT_TRUSTED_KEYS: ` ${trusted} ,`,
    },
    '/srv/yiwang',
  ).auditCheckpoints;
  assert.equal(given.signingKey, 'ab'.repeat(32));
  assert.equal(given.logPath, '/srv/yiwang/shared/checkpoints.jsonl');
  assert.equal(given.intervalSeconds, 0);
  assert.deepEqual(given.trustedKeys, [trusted.toLowerCase()]);
  for (const [variable, value] of [
    ['AUDIT_SIGNING_KEY', 'not-a-key'],
    ['AUDIT_SIGNING_KEY', 'ab'.repeat(31)],
    ['AUDIT_CHECKPOINT_INTERVAL_SECONDS', 'hourly'],
    ['AUDIT_CHECKPOINT_TRUSTED_KEYS', `03${'a'.repeat(64)}`],
  ] as const) {
    assert.throws(() => loadConfig({ [variable]: value }), { variable }, `${variable}=${value}`);
  }
});

test('LOG_FORMAT: auto by default (readable at a terminal), or pretty or json', () => {
  assert.equal(loadConfig({}).logFormat, 'auto');
  assert.equal(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat, 'pretty');
  assert.equal(loadConfig({ LOG_FORMAT: 'json' }).logFormat, 'json');
});

test('READ_DATABASE_URL: unset reads the statistics from the primary; given, the replica is kept as written', () => {
  assert.equal(loadConfig({}).readDatabaseUrl, null);
  assert.equal(loadConfig({ READ_DATABASE_URL: '  ' }).readDatabaseUrl, null);
  const config = loadConfig({
    DATABASE_URL: 'postgres://yw@primary.example/yiwang',
    READ_DATABASE_URL: ' postgresql://reader:pw@replica.example:5433/yiwang ',
  });
  assert.equal(config.databaseUrl, 'postgres://yw@primary.example/yiwang');
  assert.equal(config.readDatabaseUrl, 'postgresql://reader:pw@replica.example:5433/yiwang');
  assert.throws(() => loadConfig({ READ_DATABASE_URL: 'not a url' }), {
    variable: 'READ_DATABASE_URL',
    message: /READ_DATABASE_URL: is not a valid URL/,
  });
});

test('READ_DATABASE_CONNECT_TIMEOUT_MS: the replica pool waits 3 s for a connection unless told otherwise', () => {
  assert.equal(loadConfig({}).readDatabaseConnectTimeoutMs, 3000);
  assert.equal(loadConfig({ READ_DATABASE_CONNECT_TIMEOUT_MS: '1500' }).readDatabaseConnectTimeoutMs, 1500);
  assert.throws(() => loadConfig({ READ_DATABASE_CONNECT_TIMEOUT_MS: '50' }), {
    variable: 'READ_DATABASE_CONNECT_TIMEOUT_MS',
    message: /between 100 and 60000/,
  });
});

const BAD_VALUES: [string, string][] = [
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['PORT', '-1'],
  ['LOG_LEVEL', 'loud'],
  ['LOG_FORMAT', 'xml'],
  ['DATABASE_URL', 'mysql://root@localhost/yiwang'],
  ['DATABASE_URL', 'not a url'],
  ['READ_DATABASE_URL', 'mysql://root@replica.example/yiwang'],
  ['READ_DATABASE_URL', 'replica.example:5432'],
  ['READ_DATABASE_CONNECT_TIMEOUT_MS', '3s'],
  ['SESSION_SECRET', 'short'],
  ['DEMO_DATA', 'maybe'],
  ['BODY_LIMIT_BYTES', '10'],
  ['SESSION_TTL_HOURS', '1.5'],
  ['TRUST_PROXY', '10.0.0.300'],
  ['TRUST_PROXY', '10.0.0.0/33'],
  ['TRUST_PROXY', '127.0.0.1,,10.0.0.1'],
  ['TRUST_PROXY', 'proxy.example'],
  ['TRUST_PROXY', '2'],
];

test('TRUST_PROXY: no proxy is trusted by default; true, or a list of addresses and CIDR ranges', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy, true);
  assert.deepEqual(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1, loopback' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
    'fd00::/8',
    '::1',
    'loopback',
  ]);
});

for (const [variable, value] of BAD_VALUES) {
  test(`${variable}=${value} is refused with an error naming ${variable}`, () => {
    assert.throws(
      () => loadConfig({ [variable]: value }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.equal(error.variable, variable);
        assert.match(error.message, new RegExp(`^${variable}: `));
        return true;
      },
    );
  });
}

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npm start`'s command with the given environment and waits for it to exit. */
function runServer(env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', BUILD_APP: 'false', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function assertNoStack(output: string): void {
  assert.doesNotMatch(output, /\n\s+at .+\(.+:\d+:\d+\)/, `a stack trace was printed:\n${output}`);
  assert.doesNotMatch(output, /node:internal/, `a stack trace was printed:\n${output}`);
}

test('the server refuses to start with PORT=abc, naming PORT, without a stack trace', async () => {
  const run = await runServer({ PORT: 'abc' });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /PORT/);
  assert.match(run.stderr, /abc/);
  assertNoStack(run.stdout + run.stderr);
});

test('the server stops with a clear message when the database is unreachable', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-config-'));
  try {
    const run = await runServer({
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x',
    });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /cannot start/);
    assert.match(run.stderr, /127\.0\.0\.1:1/);
    assert.match(run.stderr, /not reachable/);
    assertNoStack(run.stdout + run.stderr);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
