import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../core/errors.ts';
import { detectMediaType, type MediaType, SIGNATURE_BYTES } from './detect.ts';

/** Content written to a temporary file beside the store, with what was learnt while writing it. */
export type StagedFile = { path: string; sha256: string; size: number; mediaType: MediaType };

/** Temporary files older than this are left over from a crash and removed. */
const STALE_MS = 24 * 60 * 60 * 1000;
const swept = new Set<string>();

/** 20 MB, 512 KB, 900 字节 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

export const tooLarge = (maxBytes: number) =>
  new AppError('files.too_large', { field: 'file', params: { limit: formatBytes(maxBytes) } });

/** DATA_DIR/files/.incoming: uploads being received (on the store's file system, so a rename keeps them). */
export const incomingDir = (dataDir: string) => path.join(dataDir, 'files', '.incoming');

/** Removes temporary files a crash left behind, once per process and data directory. */
async function sweepStale(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > STALE_MS) await fs.rm(file, { force: true });
  }
}

async function writeAll(handle: fs.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
}

/**
 * Receives content into a temporary file, hashing (SHA-256) and counting it on the way: only the
 * chunk in hand is held in memory. It is refused as soon as that is known: past `maxBytes` (413),
 * or when its first bytes are not those of a PDF, JPEG or PNG (400); an empty one at the end. A
 * refused request body is then read to its end and dropped, so that the answer reaches the client.
 * The file is flushed to disk before this returns; the caller moves it into the store or removes it.
 */
export async function stage(
  source: Readable | Iterable<Buffer>,
  options: { dataDir: string; maxBytes: number },
): Promise<StagedFile> {
  const dir = incomingDir(options.dataDir);
  await fs.mkdir(dir, { recursive: true });
  void sweepStale(dir);
  const file = path.join(dir, `${randomBytes(12).toString('hex')}.tmp`);
  const handle = await fs.open(file, 'wx', 0o640);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let mediaType: MediaType | null = null;
  const unsupported = () => new AppError('files.unsupported_type', { field: 'file' });
  // A stream is not destroyed when the loop ends early: a request's connection carries the answer.
  const chunks = source instanceof Readable ? source.iterator({ destroyOnReturn: false }) : source;
  const request = source instanceof IncomingMessage ? source : null;
  try {
    for await (const data of chunks) {
      const chunk: Buffer = typeof data === 'string' ? Buffer.from(data) : data;
      size += chunk.length;
      if (size > options.maxBytes) throw tooLarge(options.maxBytes);
      if (mediaType === null) {
        head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_BYTES - head.length)]);
        if (head.length === SIGNATURE_BYTES) {
          mediaType = detectMediaType(head);
          if (!mediaType) throw unsupported();
        }
      }
      hash.update(chunk);
      await writeAll(handle, chunk);
    }
    if (size === 0) throw new AppError('files.empty', { field: 'file' });
    mediaType ??= detectMediaType(head);
    if (!mediaType) throw unsupported();
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    if (request) {
      // Once the iterator has let go of the request (on the next turn), drop the rest unread.
      setImmediate(() => request.resume());
      if (!(error instanceof AppError) && (request.destroyed || request.readableAborted)) {
        throw new AppError('request.invalid', {
          field: 'file',
          params: { problem: '上传中断', problemEn: 'was interrupted during upload' },
        });
      }
    }
    throw error;
  }
  await handle.close();
  return { path: file, sha256: hash.digest('hex'), size, mediaType };
}
