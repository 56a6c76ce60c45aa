import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import pg from 'pg';
import { TEST_DATABASE_URL } from './db.ts';
import { closedAddress } from './ports.ts';
import { postmasterPid, waitDead } from './processes.ts';
import { chooseTestServer, displayUrl, probe, startTestServer } from './test-server.ts';

test('unset, with nothing answering at the default address: an embedded server, saying why', async () => {
  const nowhere = await closedAddress();
  const choice = await chooseTestServer(undefined, nowhere);
  assert.equal(choice.kind, 'embedded');
  assert.ok(choice.kind === 'embedded');
  assert.match(choice.reason, /no PostgreSQL usable at postgres:\/\/postgres@127\.0\.0\.1:\d+\/test/);
  assert.match(choice.reason, /ECONNREFUSED/);
});

test('unset, with a server answering at the default address: that server', async () => {
  assert.deepEqual(await chooseTestServer(undefined, TEST_DATABASE_URL), {
    kind: 'server',
    url: TEST_DATABASE_URL,
  });
  assert.deepEqual(await chooseTestServer('', TEST_DATABASE_URL), { kind: 'server', url: TEST_DATABASE_URL });
});

test('unset, with a server at the default address that refuses the sign-in: an embedded server', async () => {
  const url = new URL(TEST_DATABASE_URL);
  url.username = 'yw_no_such_role';
  url.password = '';
  const choice = await chooseTestServer(undefined, url.toString());
  assert.ok(choice.kind === 'embedded', JSON.stringify(choice));
  const refusal = choice.reason.slice(`no PostgreSQL usable at ${displayUrl(url.toString())}: `.length);
  assert.ok(refusal.length > 0 && !refusal.includes('ECONNREFUSED'), choice.reason);
});

test('TEST_DATABASE_URL=embedded: an embedded server without looking for another', async () => {
  const nowhere = await closedAddress();
  assert.deepEqual(await chooseTestServer('embedded', TEST_DATABASE_URL), {
    kind: 'embedded',
    reason: 'TEST_DATABASE_URL=embedded',
  });
  assert.equal((await chooseTestServer('embedded', nowhere)).kind, 'embedded');
});

test('TEST_DATABASE_URL naming a server: used when it answers, never replaced when it does not', async () => {
  assert.deepEqual(await chooseTestServer(TEST_DATABASE_URL, await closedAddress()), {
    kind: 'server',
    url: TEST_DATABASE_URL,
  });
  const nowhere = await closedAddress();
  const choice = await chooseTestServer(nowhere, TEST_DATABASE_URL);
  assert.ok(choice.kind === 'unreachable', JSON.stringify(choice));
  assert.equal(choice.url, nowhere);
  assert.match(choice.reason, /ECONNREFUSED/);
});

test('addresses in messages show no password', () => {
  assert.equal(
    displayUrl('postgres://postgres:secret@127.0.0.1:5432/test'),
    'postgres://postgres:***@127.0.0.1:5432/test',
  );
  assert.equal(
    displayUrl('postgres://postgres@127.0.0.1:5432/test'),
    'postgres://postgres@127.0.0.1:5432/test',
  );
  assert.equal(displayUrl('not an address'), '(not a valid address)');
});

test('an embedded server archives no WAL, waits for no disk and leaves its process’s exit handling alone', {
  timeout: 120_000,
}, async () => {
  const events = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handlers = () => events.map((event) => `${event}: ${process.listenerCount(event)}`);
  const before = handlers();
  const server = await startTestServer();
  try {
    assert.deepEqual(handlers(), before);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('archive_mode', 'fsync', 'synchronous_commit') ORDER BY name",
      );
      assert.deepEqual(
        rows.map((row) => `${row.name}=${row.setting}`),
        ['archive_mode=off', 'fsync=off', 'synchronous_commit=off'],
      );
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
});

test('an embedded server whose postgres has already ended (a Ctrl-C reaches it too) is removed at once', {
  timeout: 120_000,
}, async () => {
  const server = await startTestServer();
  const pid = postmasterPid(server.dataDir);
  assert.ok(pid !== null, 'postgres runs');
  assert.equal(await probe(server.url), null);
  process.kill(pid, 'SIGINT');
  await waitDead(pid);
  await server.stop();
  assert.equal(fs.existsSync(server.dataDir), false);
});
