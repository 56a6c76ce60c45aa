import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { detectMediaType, type MediaType } from './detect.ts';
import { noScanner, type Scanner, type ScanStatus } from './scanner.ts';
import { storedFiles } from './tables.ts';

/** Largest attachment when the caller does not say (FILE_MAX_BYTES in the configuration). */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export type StoredFile = { sha256: string; mediaType: MediaType; size: number };

const SHA256 = /^[0-9a-f]{64}$/;

/** 20 MB, 512 KB, 900 字节 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

/** DATA_DIR/files/ab/cd/abcd…: two levels of fan-out keep directories small. */
export function filePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Writes the content under its final name through a temporary file in the same
 * directory, flushed and renamed, so a crash never leaves a partial file under that
 * name. Content already there (same hash, same size) is not written again.
 */
async function writeOnce(target: string, content: Buffer): Promise<void> {
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.size === content.length) return;
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  const directory = await fs.open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * Keeps an uploaded file: checks its size, detects its type from the content (PDF, JPEG
 * or PNG; the declared name plays no part), has it scanned, and stores it under its
 * SHA-256. Storing the same content again returns the same record. With `audit`, the
 * upload is recorded in the audit trail (who uploaded what under which name), which is
 * also what lets the uploader read the file back.
 */
export async function storeFile(options: {
  db: Db;
  dataDir: string;
  content: Buffer;
  declaredName: string;
  maxBytes?: number;
  scanner?: Scanner;
  audit?: AuditContext;
}): Promise<StoredFile> {
  const { db, content, declaredName } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_FILE_MAX_BYTES;
  if (content.length === 0) throw new AppError('files.empty', { field: 'file' });
  if (content.length > maxBytes) {
    throw new AppError('files.too_large', { field: 'file', params: { limit: formatBytes(maxBytes) } });
  }
  const mediaType = detectMediaType(content);
  if (!mediaType) throw new AppError('files.unsupported_type', { field: 'file' });
  const scanStatus: ScanStatus = await (options.scanner ?? noScanner).scan(content);
  if (scanStatus === 'infected') throw new AppError('files.infected', { field: 'file' });

  const sha256 = createHash('sha256').update(content).digest('hex');
  await writeOnce(filePath(options.dataDir, sha256), content);
  const size = content.length;
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

/** A stored file's content and facts; 404 when there is none, 500 when the content no longer matches its hash. */
export async function readFile(options: {
  db: Db;
  dataDir: string;
  sha256: string;
}): Promise<StoredFile & { content: Buffer; scanStatus: ScanStatus }> {
  const notFound = () => new AppError('resource.not_found', { params: { resource: '文件' } });
  const sha256 = options.sha256.toLowerCase();
  if (!SHA256.test(sha256)) throw notFound();
  const [row] = await options.db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));
  if (!row) throw notFound();
  const content = await fs
    .readFile(filePath(options.dataDir, sha256))
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new AppError('files.damaged');
      throw error;
    });
  if (createHash('sha256').update(content).digest('hex') !== sha256) throw new AppError('files.damaged');
  return {
    sha256,
    mediaType: row.mediaType as MediaType,
    size: row.size,
    scanStatus: row.scanStatus as ScanStatus,
    content,
  };
}
