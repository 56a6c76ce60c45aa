import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { type Browser, TEST_AUDIT } from '../accounts/testing.ts';
import { implementations, importImplementations } from '../catalogue/index.ts';
import { sampleBasicMatter, sampleDocument, sampleMaterial } from '../catalogue/testing.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';

let serial = 0;

/** Publishes one implementation of a department in 西安市; returns its id. */
export async function publishMatter(
  db: Db,
  departmentId: string,
  overrides: Partial<ImplementationDocument> = {},
): Promise<string> {
  serial += 1;
  const code = `11610100MB00000${String(serial).padStart(7, '0')}`;
  await importImplementations({
    db,
    audit: TEST_AUDIT,
    publish: true,
    items: [
      {
        basicMatter: sampleBasicMatter({ code: `0001012${String(serial).padStart(5, '0')}` }),
        code,
        organisationId: departmentId,
        regionCode: '610100',
        document: sampleDocument(overrides),
      },
    ],
  });
  const [row] = await db
    .select({ id: implementations.id })
    .from(implementations)
    .where(eq(implementations.code, code));
  return row!.id;
}

/** 食品经营许可: 5 working days promised, 20 legal; the premises proof may be supplied later (容缺). */
export const FOOD_LICENCE: Partial<ImplementationDocument> = {
  promiseAllowed: true,
  materials: [sampleMaterial(), sampleMaterial({ key: 'zscl', name: '经营场所使用证明', gapAllowed: true })],
};

/** An immediate matter (即办件) concluded at the window. */
export const ON_THE_SPOT: Partial<ImplementationDocument> = {
  name: '食品经营许可证补办',
  caseType: 'immediate',
  promisedLimit: { value: 0, unit: 'working_days' },
  legalLimit: { value: 0, unit: 'working_days' },
  realisationMode: 'on_the_spot',
  promiseAllowed: false,
  specialProcedures: [],
  steps: [{ name: 'accept', role: '综合窗口', days: 0, description: '当场办结' }],
};

export const SHA = (n: number) => n.toString(16).padStart(64, '0');

/** Signs an applicant (person or company) in; requests carry the session and the CSRF token. */
export async function signInApplicant(app: App, kind: 'person' | 'company', login: string): Promise<Browser> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind, login, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (o) =>
      app.inject({
        ...o,
        cookies: { yw_session: cookie },
        headers: { 'x-csrf-token': csrfToken, ...o.headers },
      }),
  };
}

/** A minimal PDF and PNG: enough for the type detection, which reads the content. */
export const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
export const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('scan'),
]);

/** One action on a case by `who`, answered with `status` (200 unless told); the case as the answer shows it. */
export async function actOn<C extends { id: string; version: number }>(
  who: Browser,
  c: C,
  action: string,
  status = 200,
): Promise<C> {
  const res = await who.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version },
  });
  assert.equal(res.statusCode, status, `${action}: ${res.body}`);
  return res.json() as C;
}

/** The ids of the cases in `who`'s work queue (GET /api/cases?queue=true). */
export async function queueIds(who: Browser): Promise<string[]> {
  const res = await who.request({ method: 'GET', url: '/api/cases?queue=true&limit=200' });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as { id: string }[]).map((c) => c.id);
}

/** Whether `who` sees the case, checking that its page and the case list agree (an unseen case is a 404). */
export async function seesCase(who: Browser, id: string): Promise<boolean> {
  const one = await who.request({ method: 'GET', url: `/api/cases/${id}` });
  const list = await who.request({ method: 'GET', url: '/api/cases?limit=200' });
  const listed = (list.json().items as { id: string }[]).some((c) => c.id === id);
  assert.equal(listed, one.statusCode === 200, 'the list agrees with the case page');
  if (one.statusCode !== 200) assert.equal(one.statusCode, 404, one.body);
  return one.statusCode === 200;
}

/** Uploads a file as `who` through POST /api/files (the app needs its own DATA_DIR); its sha256. */
export async function uploadFile(
  who: Pick<Browser, 'request'>,
  content: Buffer,
  name = 'material.pdf',
): Promise<string> {
  const res = await who.request({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/pdf' },
    payload: content,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().sha256 as string;
}

/** A material as `who` hands it in: a PDF `who` uploaded, under the material's key. */
export async function uploadedMaterial(who: Pick<Browser, 'request'>, key: string, text = key) {
  return { key, sha256: await uploadFile(who, PDF(text)), fileName: `${key}.pdf` };
}
