import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const SERVER = new URL('..', import.meta.url).pathname;

/** Every `…_LOCK = <number>` constant of the server's sources, with the file it stands in. */
function lockConstants(): { name: string; id: number; file: string }[] {
  const found: { name: string; id: number; file: string }[] = [];
  const files = readdirSync(SERVER, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  for (const file of files) {
    const text = readFileSync(join(SERVER, file), 'utf8');
    for (const m of text.matchAll(/\b([A-Z_]+_LOCK)\s*=\s*([\d_]+)\s*;/g))
      found.push({ name: m[1] as string, id: Number((m[2] as string).replaceAll('_', '')), file });
  }
  return found;
}

test('each advisory lock of the server has its own id, so two jobs never wait on each other by mistake', () => {
  const locks = lockConstants();
  assert.ok(locks.length >= 10, `found ${locks.length} lock constants`);
  const byId = new Map<number, string[]>();
  for (const l of locks) byId.set(l.id, [...(byId.get(l.id) ?? []), `${l.name} (${l.file})`]);
  const shared = [...byId.entries()].filter(([, names]) => names.length > 1);
  assert.deepEqual(shared, [], 'advisory lock ids used twice');
});
