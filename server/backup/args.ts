import path from 'node:path';
import { AppError } from '../core/errors.ts';

export type RestoreArgs = { to: string; at: Date | null };

/** 2026-05-01T10:30:00+08:00, 2026-05-01 10:30:00.250Z, 2026-05-01T02:30Z … (an offset or Z is required). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A point in time with its offset: a time without one would depend on the machine's time zone. */
export function parseTime(text: string, field: string): Date {
  const trimmed = text.trim();
  const day = trimmed.slice(0, 10);
  const midnight = new Date(`${day}T00:00:00Z`);
  const valid =
    ISO_TIME.test(trimmed) && !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
  const at = valid ? new Date(trimmed.replace(' ', 'T')) : null;
  if (!at || Number.isNaN(at.getTime())) {
    throw new AppError('backup.time_invalid', { field, params: { value: text } });
  }
  return at;
}

/** `--to <dir> [--at <time>]` (also `--to=<dir>`, `--at=<time>`). */
export function parseRestoreArgs(argv: string[], cwd = process.cwd()): RestoreArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, null];
    if (name !== '--to' && name !== '--at') throw new AppError('backup.argument_unknown', { field: arg });
    if (name in values) throw new AppError('backup.argument_repeated', { field: name });
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === null && value.startsWith('--'))) {
      throw new AppError('backup.argument_missing', { field: name });
    }
    values[name] = value;
  }
  if (values['--to'] === undefined) throw new AppError('backup.argument_missing', { field: '--to' });
  return {
    to: path.resolve(cwd, values['--to']),
    at: values['--at'] === undefined ? null : parseTime(values['--at'], '--at'),
  };
}
