import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { loadConfig } from '../core/config.ts';
import type { App } from '../core/http/types.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { buildApp } from './app.ts';
import { IMMUTABLE, REVALIDATE } from './static.ts';

const HTML = '<!doctype html><html><head><script src="/assets/index-C0ffee42.js"></script></head></html>';
const SCRIPT = `export const greeting = '${'办事指南 '.repeat(400)}';\n`;

/** A built app as Vite writes it: hashed assets, each text file with its .br and .gz beside it. */
function writeBuiltApp(root: string): void {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(root, name), content);
    fs.writeFileSync(path.join(root, `${name}.br`), zlib.brotliCompressSync(content));
    fs.writeFileSync(path.join(root, `${name}.gz`), zlib.gzipSync(content));
  };
  write('index.html', HTML);
  write('assets/index-C0ffee42.js', SCRIPT);
  fs.writeFileSync(path.join(root, 'assets/logo-BeefCafe.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

let root: string;
let db: TestDatabase;
let app: App;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-static-'));
  writeBuiltApp(root);
  db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
  app = await buildApp({ config, database: db, logger: false, appDist: root });
  await app.ready();
});

after(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

test('a hashed asset is sent brotli-compressed to a browser that accepts br, cached for a year', async () => {
  const res = await get('/assets/index-C0ffee42.js', 'gzip, deflate, br, zstd');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.match(String(res.headers['content-type']), /javascript/);
  assert.equal(res.headers['cache-control'], IMMUTABLE);
  assert.match(String(res.headers.vary), /accept-encoding/i);
  assert.equal(zlib.brotliDecompressSync(res.rawPayload).toString(), SCRIPT);
  assert.ok(res.rawPayload.length < Buffer.byteLength(SCRIPT) / 4, `${res.rawPayload.length} bytes sent`);
});

test('gzip when the browser accepts only gzip; the plain file when it accepts neither', async () => {
  const gzip = await get('/assets/index-C0ffee42.js', 'gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gzip.rawPayload).toString(), SCRIPT);
  assert.equal(gzip.headers['cache-control'], IMMUTABLE);

  const plain = await get('/assets/index-C0ffee42.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, SCRIPT);
  assert.equal(plain.headers['cache-control'], IMMUTABLE);
  assert.match(String(plain.headers.vary), /accept-encoding/i);
});

test('an asset without a compressed form (an image) is sent as it is, also cached for a year', async () => {
  const res = await get('/assets/logo-BeefCafe.png', 'br');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.headers['cache-control'], IMMUTABLE);
});

test('index.html, at / and as the fallback of a page of the app, is compressed and revalidated', async () => {
  for (const url of ['/', '/index.html', '/workbench/cases/123', '/guide/abc?from=search']) {
    const res = await get(url, 'br');
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /text\/html/, url);
    assert.equal(res.headers['content-encoding'], 'br', url);
    assert.equal(res.headers['cache-control'], REVALIDATE, url);
    assert.match(String(res.headers.vary), /accept-encoding/i, url);
    assert.equal(zlib.brotliDecompressSync(res.rawPayload).toString(), HTML, url);
  }
});

test('a revalidation of index.html that finds it unchanged is a 304 without a body', async () => {
  const first = await get('/', 'br');
  const etag = first.headers.etag;
  assert.ok(etag, 'index.html carries an ETag');
  const again = await app.inject({
    method: 'GET',
    url: '/',
    headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
  });
  assert.equal(again.statusCode, 304);
  assert.equal(again.rawPayload.length, 0);
});

test('a missing asset and an unknown API path are 404s, not the app page', async () => {
  const asset = await get('/assets/gone-00000000.js', 'br');
  assert.equal(asset.statusCode, 404);
  assert.doesNotMatch(String(asset.headers['content-type']), /text\/html/);
  const api = await get('/api/nothing-here', 'br');
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'request.not_found');
});
