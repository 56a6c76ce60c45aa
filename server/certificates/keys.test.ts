import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import type { PublishedKey } from '../core/crypto/signed.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let admin: Browser;

const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values);
const organisationNamed = async (shortName: string): Promise<string> =>
  (await sql('SELECT id FROM organisations WHERE short_name = $1', [shortName])).rows[0].id;

async function publishedOf(organisationId: string): Promise<PublishedKey[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/certificates/keys?organisationId=${organisationId}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().keys;
}

const rotate = (organisationId: string) =>
  admin.request({ method: 'POST', url: '/api/certificates/keys/rotate', payload: { organisationId } });

before(async () => {
  t = await createTestApp({ demo: true });
  admin = await signInAs(t.app, 'admin', DEMO_PASSWORD);
});
after(async () => {
  await t?.close();
});

/** Checks one current key, every earlier one retired and still published, and the rotations' audit chain. */
async function assertConsistent(
  organisationId: string,
  before: { keys: number; seq: number },
  rotations: PublishedKey[],
) {
  const keys = await publishedOf(organisationId);
  assert.equal(keys.length, before.keys + rotations.length, 'every rotation adds one key, none is lost');
  const current = keys.filter((k) => k.validTo === null);
  assert.equal(current.length, 1, 'exactly one key in use');
  assert.ok(
    rotations.some((r) => r.keyId === current[0]!.keyId),
    'the key in use is one a rotation answered with',
  );
  assert.equal(new Set(rotations.map((r) => r.keyId)).size, rotations.length, 'each rotation its own key');
  for (const [i, key] of keys.slice(0, -1).entries()) {
    assert.equal(
      key.validTo,
      keys[i + 1]!.validFrom,
      'each key is in use from the retirement of the one before',
    );
  }
  const audits = await sql(
    "SELECT summary FROM audit_records WHERE action = 'seal_key.rotate' AND summary->>'organisationId' = $1 AND seq > $2",
    [organisationId, before.seq],
  );
  const retired = audits.rows.map((r) => r.summary.retiredKeyId as string | null);
  assert.equal(audits.rows.length, rotations.length);
  assert.equal(new Set(retired).size, retired.length, 'no key retired twice');
  const newKeys = new Set(rotations.map((r) => r.keyId));
  assert.equal(
    retired.filter((id) => id !== null && newKeys.has(id)).length,
    rotations.length - 1,
    'each rotation but the first retired the key the one before it made',
  );
}

async function race(organisationId: string): Promise<void> {
  const before = {
    keys: (await publishedOf(organisationId)).length,
    seq: Number((await sql('SELECT coalesce(max(seq), 0) AS seq FROM audit_records')).rows[0].seq),
  };
  const answers = await Promise.all(Array.from({ length: 6 }, () => rotate(organisationId)));
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    Array(6).fill(200),
    answers.map((r) => r.body).join('\n'),
  );
  await assertConsistent(
    organisationId,
    before,
    answers.map((r) => r.json() as PublishedKey),
  );
}

test('six concurrent rotations of one organisation’s seal key are applied one after another', async () => {
  const market = await organisationNamed('市场监管局');
  await rotate(market);
  assert.equal((await publishedOf(market)).filter((k) => k.validTo === null).length, 1);
  await race(market);
});

test('six concurrent first rotations of an organisation without a key leave one key in use', async () => {
  const [row] = (
    await sql(
      'SELECT id FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM seal_keys k WHERE k.organisation_id = o.id) LIMIT 1',
    )
  ).rows;
  assert.ok(row, 'an organisation without a seal key');
  await race(row.id);
});
