import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { sampleMaterial } from '../catalogue/testing.ts';
import { activeSealKey, importCertificateTypes, issueCertificate } from '../certificates/index.ts';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltMatter,
  buildCase,
  buildMatter,
  buildStaff,
  FACTORY_AUDIT,
  signIn,
  uniqueSuffix,
} from '../testing/factories.ts';
import { uploadedMaterial } from './testing.ts';

/*
 * 容缺 hold: while a case accepted with gaps misses materials, no result document of it may be
 * downloaded, by anyone (409 naming what is missing); the 准予 decision notice may.
 */

let t: TestApp;
let matter: BuiltMatter;
let reviewer: Browser;
let typeName: string;

before(async () => {
  t = await createTestApp();
  matter = await buildMatter(t.db.db, {
    document: {
      materials: [
        sampleMaterial(),
        sampleMaterial({ key: 'zscl', name: '经营场所使用证明', gapAllowed: true }),
      ],
    },
  });
  reviewer = await signIn(
    t.app,
    await buildStaff(t.db.db, {
      organisationId: matter.departmentId,
      roles: [
        { role: 'department_reviewer', organisationId: matter.departmentId },
        { role: 'department_head', organisationId: matter.departmentId },
      ],
    }),
  );
  // The department issues a certificate type of its own (the fields of a business licence).
  const { department: _, ...type } = DEMO_CERTIFICATE_TYPES.find((c) => c.name === '营业执照')!;
  const suffix = uniqueSuffix();
  typeName = `测试许可证${suffix}`;
  await t.db.db.transaction(async (tx) => {
    await importCertificateTypes({
      tx,
      audit: FACTORY_AUDIT,
      types: [
        {
          ...type,
          code: `h${suffix}`.slice(0, 16),
          name: typeName,
          aliases: [],
          organisationId: matter.departmentId,
        },
      ],
    });
    await activeSealKey(tx, FACTORY_AUDIT, matter.departmentId);
  });
});
const LICENCE = {
  entityType: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '林海峰',
  registeredCapital: '伍佰万元整',
  establishedOn: '2019-06-18',
  businessTerm: '长期',
  address: '陕西省西安市新城区长乐中路128号3层',
  businessScope: '餐饮服务',
};

after(async () => {
  await t?.close();
});

test('a 容缺 case approved with a material missing: neither its decision notice nor its certificate downloads', async () => {
  const filed = await buildCase(t, {
    matter,
    staff: reviewer,
    actions: [
      { action: 'accept_with_gaps', input: { gaps: ['zscl'], gapDeadline: '2999-01-01' } },
      'start_review',
      'approve',
    ],
  });
  assert.equal(filed.status, 'approved');
  const applicant = await signIn(t.app, filed.applicant);
  const notice = await applicant.request({ method: 'GET', url: `/api/cases/${filed.id}/notices/approval` });
  assert.equal(notice.statusCode, 409, 'the 准予 decision is held with the result');
  assert.equal(notice.json().error.code, 'case.result_held');
  const page = await applicant.request({ method: 'GET', url: `/api/cases/${filed.id}` });
  assert.ok(!page.json().notices.includes('approval'), 'the case page does not offer the held decision');

  // A certificate of the case already sealed (issued for it by the department) is held with it.
  const certificate = await t.db.db.transaction((tx) =>
    issueCertificate({
      tx,
      audit: FACTORY_AUDIT,
      typeName,
      organisationId: matter.departmentId,
      holder: {
        kind: 'company',
        login: filed.applicant.login,
        name: filed.applicant.displayName,
        accountId: filed.applicant.id,
      },
      data: LICENCE,
      caseId: filed.id,
    }),
  );
  for (const [who, by] of [
    ['the holder', applicant],
    ['the issuing department', reviewer],
  ] as const) {
    for (const kind of ['pdf', 'file']) {
      const res = await by.request({ method: 'GET', url: `/api/certificates/${certificate.id}/${kind}` });
      assert.equal(res.statusCode, 409, `${who}, ${kind}: ${res.body}`);
      assert.equal(res.json().error.code, 'case.result_held');
      assert.equal(res.json().error.message, '容缺材料尚未补齐（经营场所使用证明），办理结果暂缓出具');
    }
  }
  const english = await applicant.request({
    method: 'GET',
    url: `/api/certificates/${certificate.id}/pdf`,
    headers: { 'accept-language': 'en' },
  });
  assert.match(english.json().error.message, /the result is held/);

  // Refusing to conclude is the same hold.
  const conclude = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${filed.id}/conclude`,
    payload: { version: filed.version },
  });
  assert.equal(conclude.statusCode, 409);
  assert.equal(conclude.json().error.code, 'case.result_held');

  // Supplied: the certificate is handed out.
  const supplied = await applicant.request({
    method: 'POST',
    url: `/api/cases/${filed.id}/supply-gap`,
    payload: { version: filed.version, materials: [await uploadedMaterial(applicant, 'zscl')] },
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  assert.deepEqual(supplied.json().gaps, []);
  for (const kind of ['pdf', 'file']) {
    const res = await applicant.request({
      method: 'GET',
      url: `/api/certificates/${certificate.id}/${kind}`,
    });
    assert.equal(res.statusCode, 200, `${kind}: ${res.body.slice(0, 200)}`);
  }
  const released = await applicant.request({ method: 'GET', url: `/api/cases/${filed.id}/notices/approval` });
  assert.equal(released.statusCode, 200, 'supplied: the decision is handed out');
});

test('a certificate of no case, or of a case without gaps, is never held', async () => {
  const filed = await buildCase(t, {
    matter,
    staff: reviewer,
    actions: ['accept', 'start_review', 'approve'],
  });
  const holder = {
    kind: 'company' as const,
    login: filed.applicant.login,
    name: filed.applicant.displayName,
    accountId: filed.applicant.id,
  };
  const data = LICENCE;
  const applicant = await signIn(t.app, filed.applicant);
  for (const caseId of [filed.id, null]) {
    const certificate = await t.db.db.transaction((tx) =>
      issueCertificate({
        tx,
        audit: FACTORY_AUDIT,
        typeName,
        organisationId: matter.departmentId,
        holder,
        data,
        caseId,
      }),
    );
    const res = await applicant.request({ method: 'GET', url: `/api/certificates/${certificate.id}/pdf` });
    assert.equal(res.statusCode, 200, `case ${caseId}: ${res.body.slice(0, 200)}`);
  }
});
