import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { listCertificateTypes } from './certificate-types.ts';
import { issueCertificate } from './index.ts';
import { isValidityRule, lastValidDayAfterMonths, validUntilFor } from './validity.ts';

test('the last valid day is the day before the same date so many months later', () => {
  assert.equal(lastValidDayAfterMonths('2026-01-15', 3), '2026-04-14');
  assert.equal(lastValidDayAfterMonths('2026-11-01', 3), '2027-01-31', 'across the year');
  assert.equal(lastValidDayAfterMonths('2026-03-01', 1), '2026-03-31');
  assert.equal(lastValidDayAfterMonths('2026-01-15', 240), '2046-01-14', '20 years');
});

test('a date the later month lacks ends the period on that month’s last day', () => {
  assert.equal(lastValidDayAfterMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(lastValidDayAfterMonths('2027-11-30', 3), '2028-02-29', 'leap year');
  assert.equal(lastValidDayAfterMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(lastValidDayAfterMonths('2026-03-31', 1), '2026-04-30');
});

test('years and months add up; neither means no limit', () => {
  assert.equal(validUntilFor('2026-05-20', { years: 1, months: 6 }), '2027-11-19');
  assert.equal(validUntilFor('2026-05-20', { years: 5, months: null }), '2031-05-19');
  assert.equal(validUntilFor('2026-05-20', { years: null, months: 3 }), '2026-08-19');
  assert.equal(validUntilFor('2026-05-20', { years: null, months: null }), null);
  assert.equal(validUntilFor('2026-05-20', { years: 0, months: 0 }), null);
  assert.ok(isValidityRule({ years: null, months: 3 }));
  assert.ok(!isValidityRule({ years: null, months: 2.5 }));
  assert.ok(!isValidityRule({ years: -1, months: null }));
});

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t?.close();
});

test('a 临时居民身份证 is valid for 3 months from its day of issue', async () => {
  const types = await listCertificateTypes(t.db.db);
  const temporary = types.find((x) => x.name === '临时居民身份证')!;
  assert.equal(temporary.validityMonths, 3);
  const police = (await t.db.pool.query("SELECT id FROM organisations WHERE short_name = '公安局'")).rows[0]
    .id;
  const card = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '临时居民身份证',
      organisationId: police,
      holder: { kind: 'person', login: '11010519491231002X', name: '李秀兰' },
      data: { sex: '女' },
      now: new Date('2026-01-15T09:00:00+08:00'),
    }),
  );
  assert.equal(card.validUntil, '2026-04-14');
  assert.equal(card.data.validUntil, '2026-04-14', 'printed on the card');
  const years = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '居民身份证',
      organisationId: police,
      holder: { kind: 'person', login: '11010519491231002X', name: '李秀兰' },
      data: {},
      now: new Date('2026-01-15T09:00:00+08:00'),
    }),
  );
  assert.equal(years.validUntil, '2046-01-14', 'a rule in years is unchanged');
});
