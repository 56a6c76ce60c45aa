import assert from 'node:assert/strict';
import type { ImplementationDocument } from '../../../common/catalogue/guide.ts';
import type { Role } from '../../../common/roles.ts';
import { createStaffAccount } from '../../accounts/index.ts';
import type { AuditContext } from '../../audit/index.ts';
import type { TestApp } from '../../testing/app.ts';
import type { WorkbookImplementation } from './codec.ts';
import { EXAMPLE } from './example.ts';
import { workbookRows } from './export.ts';
import { writeWorkbook, XLSX_TYPE } from './workbook.ts';

export type Session = { cookie: string; csrf: string };
const PASSWORD = 'excel-test-1234';
const audit: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'excel-test' };

/** A staff account with one role, signed in. */
export async function signedIn(
  t: TestApp,
  login: string,
  organisationId: string,
  role: Role,
  regionCode?: string,
) {
  await createStaffAccount({
    db: t.db.db,
    audit,
    input: {
      login,
      displayName: login,
      password: PASSWORD,
      organisationId,
      roles: [regionCode ? { role, regionCode } : { role, organisationId }],
    },
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: login, password: PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: res.json().csrfToken,
  } as Session;
}

export function upload(t: TestApp, session: Session | null, file: Buffer) {
  return t.app.inject({
    method: 'POST',
    url: '/api/catalogue/import',
    headers: {
      'content-type': XLSX_TYPE,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    payload: file,
  });
}

/** A document like the example's, without its application form, with these changes. */
const document = (changes: Partial<ImplementationDocument>): ImplementationDocument => {
  const { form: _form, ...example } = structuredClone(EXAMPLE.document);
  return { ...example, ...changes };
};

/** 食品经营许可 by 市场监管局 (with materials, a hall, a special procedure) and 居民身份证换领 by 公安局. */
export const FOOD_LICENCE: WorkbookImplementation = {
  ...structuredClone(EXAMPLE),
  code: '11610100MB0000001A000117024000',
};

export const ID_CARD: WorkbookImplementation = {
  basicMatter: {
    code: '000111002000',
    name: '居民身份证换领',
    matterType: 'public_service',
    exercisingLevel: 'county',
    legalBasis: [
      {
        name: '《中华人民共和国居民身份证法》',
        article: '第十一条',
        text: '居民身份证有效期满，应当换领新证。',
      },
    ],
  },
  code: '11610100MB0000002B000111002000',
  organisation: '西安市公安局',
  regionCode: '610102',
  document: document({
    name: '居民身份证有效期满换领',
    serviceObject: 'person',
    acceptanceConditions: '居民身份证有效期满或即将期满（三个月内）。',
    caseType: 'promised',
    legalLimit: { value: 60, unit: 'natural_days' },
    promisedLimit: { value: 20, unit: 'natural_days' },
    specialProcedures: [],
    realisationMode: 'at_most_once',
    channels: ['counter', 'kiosk', 'mobile'],
    promiseAllowed: false,
    fees: [
      {
        name: '居民身份证工本费',
        amount: 20,
        standard: '每证',
        legalBasis: '《居民身份证工本费标准》|财综〔2003〕72号',
      },
    ],
    steps: [
      { name: 'accept', role: '户籍窗口民警', days: 1, description: '采集人像和指纹' },
      { name: 'deliver', role: '户籍窗口民警', days: 19, description: '制证并送达' },
    ],
    places: [
      {
        hallId: null,
        name: '新城区公安分局户政大厅',
        window: '3号窗口',
        address: '西安市新城区西五路',
        hours: '周一至周日 9:00—17:00',
      },
    ],
    result: { type: 'certificate', name: '居民身份证' },
    delivery: ['window_pickup', 'post'],
    themes: ['household'],
    keywords: ['身份证', '换证', '到期'],
    materials: [
      {
        key: 'old_card',
        name: '原居民身份证',
        type: 'original',
        form: '纸质',
        required: true,
        condition: '',
        paperCopies: 0,
        source: 'e_certificate',
        certificateType: '居民身份证',
        gapAllowed: false,
        blankFormFile: null,
        sampleFile: 'a'.repeat(64),
        notes: '核验后退还',
      },
    ],
  }),
};

export const workbookOf = (items: WorkbookImplementation[]) => writeWorkbook(workbookRows(items));

/** A document as compared across databases: halls by whether one is linked. */
export const comparable = (doc: ImplementationDocument) => ({
  ...doc,
  places: doc.places.map((p) => ({ ...p, hallId: p.hallId ? 'linked' : null })),
});
