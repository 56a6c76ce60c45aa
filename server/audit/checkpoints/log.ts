/**
 * The checkpoint log: a file of JSON lines, only ever appended to (O_APPEND, fsync after each
 * line), read from its end for the newest checkpoints and as a stream for verification.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type LoggedCheckpoint, parseLine } from './line.ts';

/** Appends one line (and a newline) and waits until it is on disk; a torn last line is ended first. */
export function appendLine(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const created = !fs.existsSync(file);
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
  try {
    const size = fs.fstatSync(fd).size;
    let torn = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const read = fs.openSync(file, 'r');
      try {
        fs.readSync(read, last, 0, 1, size - 1);
      } finally {
        fs.closeSync(read);
      }
      torn = last[0] !== 0x0a;
    }
    fs.writeSync(fd, `${torn ? '\n' : ''}${text}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (created) {
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }
}

const CHUNK = 64 * 1024;

/**
 * The last `n` well-formed checkpoints of the log, newest first, read backwards from the end in
 * chunks (a long log is not read whole); a last fragment without its newline (a line being
 * written) is left out. Line numbers count from the end: -1 is the last line.
 */
export function newestCheckpoints(file: string, n: number): LoggedCheckpoint[] {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: LoggedCheckpoint[] = [];
  let fromEnd = 0;
  const take = (bytes: Buffer) => {
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    fromEnd--;
    const checkpoint = parseLine(text, fromEnd);
    if (checkpoint) found.push(checkpoint);
  };
  try {
    let pos = fs.fstatSync(fd).size;
    // The bytes from `pos` up to the start of the earliest line taken.
    let carry = Buffer.alloc(0);
    let ended = false;
    while (pos > 0 && found.length < n) {
      const start = Math.max(0, pos - CHUNK);
      const chunk = Buffer.alloc(pos - start);
      fs.readSync(fd, chunk, 0, chunk.length, start);
      carry = Buffer.concat([chunk, carry]);
      pos = start;
      if (!ended) {
        const newline = carry.lastIndexOf(0x0a);
        if (newline === -1) continue;
        carry = carry.subarray(0, newline);
        ended = true;
      }
      while (found.length < n) {
        const newline = carry.lastIndexOf(0x0a);
        if (newline === -1) {
          if (pos === 0) take(carry);
          break;
        }
        take(carry.subarray(newline + 1));
        carry = carry.subarray(0, newline);
      }
    }
    return found;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Every line of the log ended by its newline, with its number from 1, up to the log's size when
 * called: a line being written meanwhile is left for the next reader.
 */
export async function* logLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (size === 0) return;
  let carry = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of fs.createReadStream(file, { start: 0, end: size - 1 })) {
    carry = Buffer.concat([carry, chunk as Buffer]);
    let from = 0;
    let newline = carry.indexOf(0x0a, from);
    while (newline !== -1) {
      line++;
      yield { line, text: carry.subarray(from, newline).toString('utf8') };
      from = newline + 1;
      newline = carry.indexOf(0x0a, from);
    }
    carry = carry.subarray(from);
  }
}
