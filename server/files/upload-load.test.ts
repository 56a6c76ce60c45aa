/**
 * A 20 MiB upload and download against a real server process: the server keeps answering
 * /api/health meanwhile and its memory barely grows; an anonymous upload is refused before
 * its body is read.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertResponsive,
  bestOfThree,
  bigPdf,
  download,
  type LoadServer,
  MiB,
  SIZE,
  serverRss,
  sha256Of,
  startLoadServer,
  stopLoadServer,
  upload,
} from '../testing/load.ts';
import { signInOver } from '../testing/processes.ts';

let server: LoadServer;

before(async () => {
  server = await startLoadServer();
});
after(async () => {
  await stopLoadServer(server);
});

const signIn = () =>
  signInOver(server.base, '/api/auth/applicant-login', {
    kind: 'person',
    login: '11010519491231002X',
    password: 'demo1234',
  });
const FILES = '/api/files?name=big.pdf';

test('a 20 MiB upload and its download leave /api/health fast and the server memory flat', async (t) => {
  const session = await signIn();
  // Warm the code paths up with a small upload first, so the baseline holds them.
  const warm = await upload(server, FILES, Buffer.from('%PDF-1.7\nwarm up\n'), session);
  assert.equal(warm.status, 200, warm.body);

  let stored = '';
  const uploads = await bestOfThree(
    server,
    () => {
      const content = bigPdf();
      return { content, sha256: sha256Of(content) };
    },
    async ({ content, sha256 }) => {
      const answer = await upload(server, FILES, content, session);
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(JSON.parse(answer.body), { sha256, mediaType: 'application/pdf', size: SIZE });
      stored = sha256;
    },
  );
  t.diagnostic(`uploads of 20 MiB: ${JSON.stringify(uploads)}`);
  assertResponsive(uploads, 'upload');

  const downloads = await bestOfThree(
    server,
    () => stored,
    async (sha256) => {
      assert.deepEqual(await download(server, `/api/files/${sha256}`, session), {
        status: 200,
        sha256,
        size: SIZE,
      });
    },
  );
  t.diagnostic(`downloads of 20 MiB: ${JSON.stringify(downloads)}`);
  assertResponsive(downloads, 'download');
});

test('an anonymous 20 MiB upload is refused with 401 before its body is read', async (t) => {
  const baseline = serverRss(server);
  const answer = await upload(server, FILES, bigPdf(), null);
  assert.equal(answer.status, 401, answer.body);
  assert.equal(JSON.parse(answer.body).error.code, 'auth.required');
  t.diagnostic(
    `anonymous upload answered after ${answer.sentBytes} bytes were sent, in ${Math.round(answer.ms)} ms`,
  );
  assert.ok(answer.sentBytes < 4 * MiB, `answered after ${answer.sentBytes} bytes were sent`);
  assert.ok(answer.ms < 1000, `answered in ${answer.ms} ms`);
  assert.ok(serverRss(server) - baseline < 10 * MiB, 'no memory taken for the body');
  const health = await fetch(`${server.base}/api/health`);
  assert.equal(health.status, 200);
});

test('a signed-in upload over the limit is refused with 413 as soon as it passes the limit', async () => {
  const session = await signIn();
  const announced = await upload(server, FILES, Buffer.concat([bigPdf(), Buffer.alloc(1)]), session);
  assert.equal(announced.status, 413, announced.body);
  assert.equal(JSON.parse(announced.body).error.code, 'files.too_large');
  assert.ok(announced.sentBytes < 4 * MiB, 'refused from the announced length, before the body');
  const streamed = await upload(server, FILES, Buffer.concat([bigPdf(), Buffer.alloc(MiB)]), session, {
    announceLength: false,
  });
  assert.equal(streamed.status, 413, streamed.body);
  assert.equal(JSON.parse(streamed.body).error.code, 'files.too_large');
  assert.ok(streamed.sentBytes > SIZE, 'a body of unannounced length is refused once past the limit');
  const health = await fetch(`${server.base}/api/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(
    fs.readdirSync(path.join(server.dataDir, 'files', '.incoming')),
    [],
    'no temporary file left',
  );
});
