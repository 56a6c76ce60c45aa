import { ConfigError } from '../core/config.ts';
import { AppError } from '../core/errors.ts';

/** 45.6 MB */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}`;
}

/** Tools of the operator's own for a database the platform does not run (README: Backup and restore). */
export const EXTERNAL_DATABASE = [
  '数据库是 DATABASE_URL 指定的外部 PostgreSQL 服务器，请用与该服务器版本相同的工具备份和恢复：pg_basebackup 或 pg_dump / pg_restore，',
  '并用 pgBackRest、WAL-G 等持续归档 WAL 以便按时间点恢复。本命令只处理文件库。',
  "The database is the external PostgreSQL server of DATABASE_URL: back it up and restore it with tools of that server's own",
  'version (pg_basebackup, or pg_dump / pg_restore; continuous WAL archiving with e.g. pgBackRest or WAL-G for point-in-time',
  'recovery). This command handles the file store only.',
].join('\n');

/** One error in both languages; the cause of a failed connection rather than its wrapper. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.details === undefined ? '' : `\n${JSON.stringify(error.details)}`;
    return `${error.localized('zh-CN')}\n${error.localized('en')}${details}`;
  }
  if (error instanceof ConfigError) return `configuration variable ${error.message}`;
  if (error instanceof AggregateError && error.errors.length) return describeError(error.errors[0]);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause) return describeError(cause);
  const message = error instanceof Error ? error.message : String(error);
  return message || 'unknown error';
}
