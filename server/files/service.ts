import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Readable, Transform } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import type { MediaType } from './detect.ts';
import { noScanner, type Scanner, type ScanStatus } from './scanner.ts';
import { type StagedFile, stage, tooLarge } from './staging.ts';
import { storedFiles } from './tables.ts';

export { formatBytes } from './staging.ts';

/** Largest attachment when the caller does not say (FILE_MAX_BYTES in the configuration). */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export type StoredFile = { sha256: string; mediaType: MediaType; size: number };

const SHA256 = /^[0-9a-f]{64}$/;

/** DATA_DIR/files/ab/cd/abcd…: two levels of fan-out keep directories small. */
export function filePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Moves a staged file under its final name by a rename (the staged file is already flushed, so a
 * crash never leaves a partial file under that name), then flushes the directory. Content already
 * there (same hash, same size) is kept and the staged copy removed.
 */
async function moveInto(staged: StagedFile, target: string): Promise<void> {
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.size === staged.size) {
    await fs.rm(staged.path, { force: true });
    return;
  }
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  await fs.rename(staged.path, target);
  const directory = await fs.open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * Keeps an uploaded file: receives it (a buffer, or a stream such as a request body, written to
 * disk as it arrives and never held in memory whole), checks its size, detects its type from the
 * content (PDF, JPEG or PNG; the declared name plays no part), has it scanned, and stores it under
 * its SHA-256. Storing the same content again returns the same record. With `audit`, the upload is
 * recorded in the audit trail (who uploaded what under which name), which is also what lets the
 * uploader read the file back.
 */
export async function storeFile(options: {
  db: Db;
  dataDir: string;
  content: Buffer | Readable;
  declaredName: string;
  maxBytes?: number;
  scanner?: Scanner;
  audit?: AuditContext;
}): Promise<StoredFile> {
  const { db, content, declaredName } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_FILE_MAX_BYTES;
  if (Buffer.isBuffer(content) && content.length > maxBytes) throw tooLarge(maxBytes);
  const staged = await stage(Buffer.isBuffer(content) ? [content] : content, {
    dataDir: options.dataDir,
    maxBytes,
  });
  const { sha256, mediaType, size } = staged;
  let scanStatus: ScanStatus;
  try {
    scanStatus = await (options.scanner ?? noScanner).scan({ path: staged.path, size });
    if (scanStatus === 'infected') throw new AppError('files.infected', { field: 'file' });
    await moveInto(staged, filePath(options.dataDir, sha256));
  } catch (error) {
    await fs.rm(staged.path, { force: true });
    throw error;
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(storedFiles)
      .values({ sha256, mediaType, size, scanStatus })
      .onConflictDoUpdate({
        target: storedFiles.sha256,
        // A later scan's verdict replaces 'unscanned'; 'unscanned' never replaces a verdict.
        set: {
          scanStatus: sql`CASE WHEN excluded.scan_status = 'unscanned' THEN ${storedFiles.scanStatus} ELSE excluded.scan_status END`,
        },
      });
    if (options.audit) {
      await recordAudit(tx, options.audit, {
        action: 'file.upload',
        targetType: 'file',
        targetId: sha256,
        summary: { name: declaredName.slice(0, 255), mediaType, size, scanStatus },
      });
    }
  });
  return { sha256, mediaType, size };
}

/** Files up to this size are read and checked against their hash before a byte is sent. */
export const VERIFY_AHEAD_BYTES = 1024 * 1024;

/** Passes content through and fails at its end when it does not match its hash. */
function checkingHash(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === sha256 ? null : new AppError('files.damaged'));
    },
  });
}

type FileFacts = StoredFile & { scanStatus: ScanStatus };

/** The row of a stored file and its opened content; 404 when there is none, 500 when the content is missing. */
async function openStored(db: Db, dataDir: string, sha256Given: string) {
  const notFound = () => new AppError('resource.not_found', { params: { resource: '文件' } });
  const sha256 = sha256Given.toLowerCase();
  if (!SHA256.test(sha256)) throw notFound();
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));
  if (!row) throw notFound();
  const handle = await fs.open(filePath(dataDir, sha256), 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new AppError('files.damaged');
    throw error;
  });
  const facts: FileFacts = {
    sha256,
    mediaType: row.mediaType as MediaType,
    size: row.size,
    scanStatus: row.scanStatus as ScanStatus,
  };
  return { facts, handle };
}

/** The whole content of an opened file, checked against its hash (then closed). */
async function readChecked(handle: fs.FileHandle, sha256: string): Promise<Buffer> {
  try {
    const content = await handle.readFile();
    if (createHash('sha256').update(content).digest('hex') !== sha256) throw new AppError('files.damaged');
    return content;
  } finally {
    await handle.close();
  }
}

/** A stored file's content and facts; 404 when there is none, 500 when the content no longer matches its hash. */
export async function readFile(options: {
  db: Db;
  dataDir: string;
  sha256: string;
}): Promise<FileFacts & { content: Buffer }> {
  const { facts, handle } = await openStored(options.db, options.dataDir, options.sha256);
  return { ...facts, content: await readChecked(handle, facts.sha256) };
}

/**
 * A stored file's facts and its content as a stream, for a download; 404 when there is none, 500
 * when the content is missing or no longer matches its hash. A small file is read and checked before
 * anything is sent; a larger one is streamed and checked on the way (never held in memory whole),
 * its stream failing at the end, so that the download breaks off, when the content was altered.
 */
export async function openFile(options: {
  db: Db;
  dataDir: string;
  sha256: string;
  verifyAheadBytes?: number;
}): Promise<FileFacts & { stream: Readable }> {
  const { facts, handle } = await openStored(options.db, options.dataDir, options.sha256);
  const { size } = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (size !== facts.size) {
    await handle.close();
    throw new AppError('files.damaged');
  }
  if (size <= (options.verifyAheadBytes ?? VERIFY_AHEAD_BYTES)) {
    return { ...facts, stream: Readable.from([await readChecked(handle, facts.sha256)]) };
  }
  // A failure of either end destroys both; the reader of the stream sees the error.
  return {
    ...facts,
    stream: pipeline(handle.createReadStream(), checkingHash(facts.sha256), () => undefined),
  };
}
