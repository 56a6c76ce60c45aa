import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { detectMediaType } from './detect.ts';
import { EICAR, eicarScanner } from './scanner.ts';
import { filePath, openFile, readFile, storeFile } from './service.ts';
import { incomingDir } from './staging.ts';
import { storedFiles } from './tables.ts';

let db: TestDatabase;
let dataDir: string;

before(async () => {
  db = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-files-'));
});
after(async () => {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('png body')]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.from('jpeg body')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** The start of a Windows executable ("MZ"), as a renamed .exe would begin. */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]);

const store = (
  content: Buffer | Readable,
  declaredName: string,
  extra: Partial<Parameters<typeof storeFile>[0]> = {},
) => storeFile({ db: db.db, dataDir, content, declaredName, ...extra });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, `expected a refusal, got ${String(error)}`);
  return `${error.status} ${error.code}`;
}

const rowsFor = (sha256: string) => db.db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));

test('the type comes from the content: a PNG named .pdf is stored as image/png', async () => {
  const stored = await store(PNG, '营业执照.pdf');
  assert.equal(stored.mediaType, 'image/png');
  assert.equal(stored.size, PNG.length);
  assert.deepEqual(await fs.readFile(filePath(dataDir, stored.sha256)), PNG);
  assert.equal((await store(JPEG, 'photo.png')).mediaType, 'image/jpeg');
  assert.equal((await store(PDF, 'scan.jpg')).mediaType, 'application/pdf');
});

test('a program renamed .pdf, a text file and an empty file are refused', async () => {
  assert.equal(await refusal(store(EXE, '申请表.pdf')), '400 files.unsupported_type');
  assert.equal(await refusal(store(Buffer.from('just text'), 'a.pdf')), '400 files.unsupported_type');
  assert.equal(await refusal(store(Buffer.alloc(0), 'a.pdf')), '400 files.empty');
  assert.equal(detectMediaType(Buffer.from('%PDF')), null, 'a truncated signature is not a PDF');
});

test('a file over the size limit is refused, one at the limit is kept', async () => {
  const big = Buffer.concat([PDF, Buffer.alloc(2048 - PDF.length, 0x20)]);
  assert.equal(await refusal(store(big, 'big.pdf', { maxBytes: 2047 })), '413 files.too_large');
  assert.equal((await store(big, 'big.pdf', { maxBytes: 2048 })).size, 2048);
});

test('storing the same content twice keeps one file and one record', async () => {
  const content = Buffer.concat([PDF, Buffer.from('twice')]);
  const first = await store(content, '第一次.pdf', { audit: TEST_AUDIT });
  const second = await store(content, '第二次.pdf', { audit: TEST_AUDIT });
  assert.deepEqual(second, first);
  assert.equal((await rowsFor(first.sha256)).length, 1);
  const dir = path.dirname(filePath(dataDir, first.sha256));
  assert.deepEqual(await fs.readdir(dir), [first.sha256]);
  assert.deepEqual(await fs.readdir(incomingDir(dataDir)), [], 'no temporary files left behind');
  const uploads = await db.db.select().from(auditRecords).where(eq(auditRecords.targetId, first.sha256));
  assert.deepEqual(
    uploads.map((r) => [r.action, (r.summary as { name: string }).name]),
    [
      ['file.upload', '第一次.pdf'],
      ['file.upload', '第二次.pdf'],
    ],
  );
});

test('an infected file is refused and nothing is kept; clean files are recorded as scanned', async () => {
  const infected = Buffer.concat([PDF, Buffer.from(EICAR)]);
  assert.equal(await refusal(store(infected, 'eicar.pdf', { scanner: eicarScanner })), '400 files.infected');
  const sha256 = createHash('sha256').update(infected).digest('hex');
  assert.equal((await rowsFor(sha256)).length, 0);
  await assert.rejects(fs.stat(filePath(dataDir, sha256)), { code: 'ENOENT' });
  assert.deepEqual(await fs.readdir(incomingDir(dataDir)), [], 'the received copy is removed');

  const clean = Buffer.concat([PNG, Buffer.from('clean')]);
  const unscanned = await store(clean, 'a.png');
  assert.equal((await rowsFor(unscanned.sha256))[0]!.scanStatus, 'unscanned');
  await store(clean, 'a.png', { scanner: eicarScanner });
  assert.equal((await rowsFor(unscanned.sha256))[0]!.scanStatus, 'clean', 'a verdict replaces unscanned');
  await store(clean, 'a.png');
  assert.equal((await rowsFor(unscanned.sha256))[0]!.scanStatus, 'clean', 'and is not lost again');
});

test('readFile returns the content, and notices when it was altered on disk', async () => {
  const content = Buffer.concat([JPEG, Buffer.from('read me')]);
  const stored = await store(content, 'a.jpg');
  const read = await readFile({ db: db.db, dataDir, sha256: stored.sha256 });
  assert.deepEqual(read.content, content);
  assert.equal(read.mediaType, 'image/jpeg');
  assert.equal(
    await refusal(readFile({ db: db.db, dataDir, sha256: '0'.repeat(64) })),
    '404 resource.not_found',
  );
  assert.equal(
    await refusal(readFile({ db: db.db, dataDir, sha256: '../../etc/passwd' })),
    '404 resource.not_found',
  );
  await fs.writeFile(filePath(dataDir, stored.sha256), Buffer.concat([JPEG, Buffer.from('tampered')]));
  assert.equal(await refusal(readFile({ db: db.db, dataDir, sha256: stored.sha256 })), '500 files.damaged');
});

/** A stream that yields `content` in chunks of `size` bytes, one per turn of the event loop. */
function chunked(content: Buffer, size = 1000): Readable {
  return Readable.from(
    (async function* () {
      for (let at = 0; at < content.length; at += size) {
        yield content.subarray(at, at + size);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })(),
    { objectMode: false },
  );
}

test('a stream is stored as it arrives: the same file and hash as from a buffer', async () => {
  const content = Buffer.concat([PDF, randomBytes(50_000)]);
  const stored = await store(chunked(content), 'streamed.pdf', { audit: TEST_AUDIT });
  assert.deepEqual(stored, {
    sha256: createHash('sha256').update(content).digest('hex'),
    mediaType: 'application/pdf',
    size: content.length,
  });
  assert.deepEqual(await fs.readFile(filePath(dataDir, stored.sha256)), content);
  assert.deepEqual(await fs.readdir(incomingDir(dataDir)), []);
});

test('a stream is refused at the first chunk past the limit, or at its first bytes when they are no PDF or image', async () => {
  let pulled = 0;
  const endless = Readable.from(
    (function* () {
      yield PNG;
      for (;;) {
        pulled += 1;
        yield Buffer.alloc(1000);
      }
    })(),
    { objectMode: false },
  );
  assert.equal(await refusal(store(endless, 'big.png', { maxBytes: 10_000 })), '413 files.too_large');
  assert.ok(pulled < 20, `stopped reading after ${pulled} chunks`);
  assert.equal(
    await refusal(store(chunked(Buffer.concat([EXE, Buffer.alloc(100_000)])), 'a.pdf')),
    '400 files.unsupported_type',
  );
  assert.equal(await refusal(store(chunked(Buffer.alloc(0)), 'a.pdf')), '400 files.empty');
  assert.equal(await refusal(store(chunked(Buffer.from('%PDF')), 'a.pdf')), '400 files.unsupported_type');
  assert.deepEqual(await fs.readdir(incomingDir(dataDir)), [], 'nothing left behind');
});

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test('openFile streams the content; a large one altered on disk breaks off at its end', async () => {
  const content = Buffer.concat([PNG, randomBytes(300_000)]);
  const stored = await store(content, 'large.png');
  const small = await openFile({ db: db.db, dataDir, sha256: stored.sha256 });
  assert.equal(small.mediaType, 'image/png');
  assert.equal(small.size, content.length);
  assert.deepEqual(await drain(small.stream), content);
  const large = await openFile({ db: db.db, dataDir, sha256: stored.sha256, verifyAheadBytes: 1000 });
  assert.deepEqual(await drain(large.stream), content);

  const altered = Buffer.from(content);
  altered[200_000] = altered[200_000]! ^ 0xff;
  await fs.writeFile(filePath(dataDir, stored.sha256), altered);
  assert.equal(await refusal(openFile({ db: db.db, dataDir, sha256: stored.sha256 })), '500 files.damaged');
  const streamed = await openFile({ db: db.db, dataDir, sha256: stored.sha256, verifyAheadBytes: 1000 });
  assert.equal(await refusal(drain(streamed.stream)), '500 files.damaged');

  await fs.writeFile(filePath(dataDir, stored.sha256), content.subarray(0, 1000));
  assert.equal(
    await refusal(openFile({ db: db.db, dataDir, sha256: stored.sha256, verifyAheadBytes: 1 })),
    '500 files.damaged',
    'a truncated file is noticed before sending',
  );
  await fs.rm(filePath(dataDir, stored.sha256));
  assert.equal(await refusal(openFile({ db: db.db, dataDir, sha256: stored.sha256 })), '500 files.damaged');
  assert.equal(
    await refusal(openFile({ db: db.db, dataDir, sha256: 'f'.repeat(64) })),
    '404 resource.not_found',
  );
});
