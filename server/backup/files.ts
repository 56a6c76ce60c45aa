import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * <root>/files/ab/cd/abcd…: the layout of the file store (filePath of the files module, which the
 * tests hold this to), spelt out here so that the backup command loads without the service layer.
 */
export function filePath(root: string, sha256: string): string {
  return path.join(root, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies a stored file into another store (a root holding files/ab/cd/<sha256>) through a
 * temporary name; the copy is kept only when its content has the hash it is stored under.
 * Answers false when the source is missing or damaged.
 */
async function copyChecked(sourceRoot: string, targetRoot: string, sha256: string): Promise<boolean> {
  const from = filePath(sourceRoot, sha256);
  const to = filePath(targetRoot, sha256);
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(to), `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.copyFile(from, temp, fs.constants.COPYFILE_FICLONE);
    if ((await sha256Of(temp)) !== sha256) return false;
    await fs.rename(temp, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function present(root: string, sha256: string, size?: number): Promise<boolean> {
  const stat = await fs.stat(filePath(root, sha256)).catch(() => null);
  return stat !== null && (size === undefined || stat.size === size);
}

/** The hashes of the files in a store (files/ab/cd/<sha256>; temporary files left out). */
async function storedHashes(root: string): Promise<string[]> {
  const files = path.join(root, 'files');
  const entries = await fs.readdir(files, { recursive: true }).catch(() => [] as string[]);
  return entries.map((entry) => path.basename(entry)).filter((name) => SHA256.test(name));
}

export type FileStoreBackup = { copied: number; alreadyThere: number; damaged: string[] };

/**
 * Copies the files of one store (DATA_DIR/files) that another (BACKUP_DIR/files) does not hold yet
 * into it: content-addressed files never change, so one copy serves every base backup. A file whose
 * content no longer matches its hash is reported, not copied.
 */
export async function copyFileStore(from: string, to: string): Promise<FileStoreBackup> {
  const result: FileStoreBackup = { copied: 0, alreadyThere: 0, damaged: [] };
  const limit = pLimit(4);
  await Promise.all(
    (await storedHashes(from)).map((sha256) =>
      limit(async () => {
        const size = (await fs.stat(filePath(from, sha256))).size;
        if (await present(to, sha256, size)) result.alreadyThere += 1;
        else if (await copyChecked(from, to, sha256)) result.copied += 1;
        else result.damaged.push(sha256);
      }),
    ),
  );
  result.damaged.sort();
  return result;
}

export type FileStoreRestore = { restored: number; missing: string[] };

/**
 * Lays out the files a restored database refers to in <dataDir>/files, each taken from the
 * first of `sources` (roots of file stores: the backup, then the live DATA_DIR) that holds it
 * undamaged.
 */
export async function restoreFileStore(options: {
  hashes: string[];
  sources: string[];
  dataDir: string;
}): Promise<FileStoreRestore> {
  const result: FileStoreRestore = { restored: 0, missing: [] };
  const limit = pLimit(4);
  await Promise.all(
    options.hashes.map((sha256) =>
      limit(async () => {
        for (const source of SHA256.test(sha256) ? options.sources : []) {
          if (await copyChecked(source, options.dataDir, sha256)) {
            result.restored += 1;
            return;
          }
        }
        result.missing.push(sha256);
      }),
    ),
  );
  result.missing.sort();
  return result;
}
