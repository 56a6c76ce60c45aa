import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import { PUBLIC_CACHE } from '../core/http/cache-control.ts';
import { storeFile } from '../files/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltMatter, buildMatter } from '../testing/factories.ts';
import { FACTORY_AUDIT } from '../testing/factory-values.ts';
import { retireImplementation } from './review.ts';
import { sampleMaterial } from './testing.ts';

/**
 * The files a published guide names for its materials (空白表格, 示例样表), served publicly by hash
 * and only when the guide names the hash; and what the guide answer says the guide offers to print.
 */

let t: TestApp;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const BLANK = pdf('空白表格');
const SAMPLE = pdf('示例样表');
const OTHER = pdf('another file of the store');
const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');
let withFiles: BuiltMatter;

const get = (url: string) => t.app.inject({ method: 'GET', url });
const file = (id: string, hash: string) => get(`/api/catalogue/guides/${id}/files/${hash}`);

before(async () => {
  t = await createTestApp();
  for (const content of [BLANK, SAMPLE, OTHER]) {
    await storeFile({ db: t.db.db, dataDir: t.config.dataDir, content, declaredName: 'form.pdf' });
  }
  withFiles = await buildMatter(t.db.db, {
    document: {
      materials: [
        sampleMaterial({
          key: 'sqs',
          name: '排水许可申请书',
          blankFormFile: sha(BLANK),
          sampleFile: sha(SAMPLE),
        }),
      ],
    },
  });
});
after(async () => {
  await t?.close();
});

test('a file the published guide names for a material: its bytes, type and a name of the material, cached publicly', async () => {
  const blank = await file(withFiles.id, sha(BLANK));
  assert.equal(blank.statusCode, 200, blank.body);
  assert.deepEqual(blank.rawPayload, BLANK);
  assert.equal(blank.headers['content-type'], 'application/pdf');
  assert.equal(blank.headers['cache-control'], PUBLIC_CACHE);
  assert.match(
    String(blank.headers['content-disposition']),
    new RegExp(`filename\\*=UTF-8''${encodeURIComponent('排水许可申请书-空白表格.pdf')}$`),
  );
  const sample = await file(withFiles.id, sha(SAMPLE));
  assert.equal(sample.statusCode, 200);
  assert.deepEqual(sample.rawPayload, SAMPLE);
  assert.match(String(sample.headers['content-disposition']), new RegExp(encodeURIComponent('示例样表')));
});

test('only hashes the guide names: another stored file, another matter’s file, an unknown or retired matter are 404; a malformed hash or id a 400', async () => {
  const other = await file(withFiles.id, sha(OTHER));
  assert.equal(other.statusCode, 404, 'stored, but no material of this guide names it');
  assert.equal(other.headers['cache-control'], 'no-store');
  assert.ok(!other.rawPayload.includes(OTHER));

  const plain = await buildMatter(t.db.db);
  assert.equal((await file(plain.id, sha(BLANK))).statusCode, 404, 'named by another guide only');
  assert.equal((await file('00000000-0000-4000-8000-000000000000', sha(BLANK))).statusCode, 404);

  const malformed = await file(withFiles.id, 'A'.repeat(64));
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().error.field, 'sha256');
  const badId = await file('x', sha(BLANK));
  assert.equal(badId.statusCode, 400);
  assert.equal(badId.json().error.field, 'implementationId');

  const retired = await buildMatter(t.db.db, {
    document: { materials: [sampleMaterial({ blankFormFile: sha(BLANK) })] },
  });
  assert.equal((await file(retired.id, sha(BLANK))).statusCode, 200);
  await retireImplementation({ db: t.db.db, audit: FACTORY_AUDIT, implementationId: retired.id });
  assert.equal((await file(retired.id, sha(BLANK))).statusCode, 404, 'no published guide names it now');
});

test('the guide says which form it prints and at which material: its own form, a generic one, or none', async () => {
  const guide = async (matter: BuiltMatter) => {
    const res = await get(`/api/catalogue/guides/${matter.id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().formSheet;
  };
  const form = await buildMatter(t.db.db, { document: { form: { ...FOOD_FORM, covers: ['sqs'] } } });
  assert.deepEqual(await guide(form), { kind: 'form', material: 'sqs' });
  assert.deepEqual(await guide(await buildMatter(t.db.db)), { kind: 'generic', material: 'sqs' });
  assert.equal(await guide(withFiles), null, 'the department’s own files are linked at the material instead');
  const none = await buildMatter(t.db.db, {
    document: { materials: [sampleMaterial({ key: 'ht', name: '租赁合同' })] },
  });
  assert.equal(await guide(none), null);
  assert.equal((await get(`/api/catalogue/guides/${withFiles.id}/form-blank.pdf`)).statusCode, 404);
});
