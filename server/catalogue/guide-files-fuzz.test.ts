import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { storeFile } from '../files/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltMatter, buildCompany, buildMatter, signIn } from '../testing/factories.ts';
import { hostileString } from '../testing/fuzz/values.ts';
import { sampleMaterial } from './testing.ts';

/**
 * Property test of GET /api/catalogue/guides/:id/files/:sha256 with random ids and hashes, signed in
 * or not: a file only when the published guide of that id names that hash; else 400 or 404, never a
 * 5xx and never the bytes of a file.
 */

let t: TestApp;
let named: BuiltMatter;
let plain: BuiltMatter;
let applicant: Browser;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const FILES = { blank: pdf('空白表格'), sample: pdf('示例样表'), other: pdf('not named by a guide') };
const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

before(async () => {
  t = await createTestApp();
  for (const content of Object.values(FILES)) {
    await storeFile({ db: t.db.db, dataDir: t.config.dataDir, content, declaredName: 'form.pdf' });
  }
  named = await buildMatter(t.db.db, {
    document: {
      materials: [sampleMaterial({ blankFormFile: sha(FILES.blank), sampleFile: sha(FILES.sample) })],
    },
  });
  plain = await buildMatter(t.db.db);
  applicant = await signIn(t.app, await buildCompany(t.db.db));
});
after(() => t?.close());

const SEED = 20261208;

/** A path segment: a real one by name, or anything, percent-encoded byte by byte; `raw:` as it is. */
const segment = <K extends string>(names: readonly K[]) =>
  fc.oneof(
    fc.constantFrom(...names),
    fc.uuid().map((id) => `text:${id}`),
    fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `text:${h}`),
    hostileString(80).map((s) => `text:${s}`),
    fc.constantFrom('raw:%', 'raw:%E0%A4%A', 'raw:%ff%fe', 'raw:..', 'raw:%2e%2e%2f', 'raw:'),
  );

function encode(value: string, known: Record<string, string>): string {
  if (Object.hasOwn(known, value)) return known[value]!;
  const text = value.slice(value.indexOf(':') + 1);
  if (value.startsWith('raw:')) return text;
  return [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

test('random ids and hashes: a file only for a hash the published guide names; else 400 or 404', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      segment(['named', 'plain'] as const),
      segment(['blank', 'sample', 'other'] as const),
      fc.boolean(),
      async (which, hash, signedIn) => {
        const id = encode(which, { named: named.id, plain: plain.id });
        const file = encode(hash, {
          blank: sha(FILES.blank),
          sample: sha(FILES.sample),
          other: sha(FILES.other),
        });
        const url = `/api/catalogue/guides/${id}/files/${file}`;
        const res = signedIn
          ? await applicant.request({ method: 'GET', url })
          : await t.app.inject({ method: 'GET', url });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)}`);
        if (which === 'named' && (hash === 'blank' || hash === 'sample')) {
          assert.equal(res.statusCode, 200);
          assert.deepEqual(res.rawPayload, FILES[hash]);
          return;
        }
        assert.ok([400, 404].includes(res.statusCode), `${which} ${hash}: ${res.statusCode}`);
        for (const content of Object.values(FILES)) assert.ok(!res.rawPayload.includes(content));
      },
    ),
    { seed: SEED, numRuns: 80 },
  );
  assert.ok(statuses.has(200) && statuses.has(404) && statuses.has(400), JSON.stringify([...statuses]));
});
