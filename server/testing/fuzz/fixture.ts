import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { FOOD_LICENCE, ON_THE_SPOT, PDF, publishMatter } from '../../cases/testing.ts';
import { organisations } from '../../organisations/index.ts';
import type { FuzzRoute } from './routes.ts';
import type { Known } from './schema.ts';
import type { FuzzWorld } from './world.ts';

/** Real values of the fuzzed world: ids to name in paths and bodies, by kind. */
export type Pools = Record<string, string[]>;

const COMPANY = '91350100M000100Y43';

/** The answer to a request the fixture needs to succeed; a failure stops the run, naming what was made. */
async function expect(
  answer: Promise<LightMyRequestResponse>,
  what: string,
): Promise<LightMyRequestResponse> {
  const res = await answer;
  if (res.statusCode >= 300)
    throw new Error(`the fuzz fixture could not make ${what}: ${res.statusCode} ${res.body}`);
  return res;
}
const PERSON = '11010519491231002X';

/**
 * Gives the world things for the fuzzed requests to name: cases at several stages with their
 * files, notices and a certificate, accounts and a kiosk that may be harmed (never the signed-in
 * ones), then reads the ids of everything into pools.
 */
export async function furnish(world: FuzzWorld): Promise<Pools> {
  const { send, db } = world;
  const org = async (shortName: string) =>
    (await db.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const market = await org('市场监管局');
  const food = await publishMatter(db.db, market, FOOD_LICENCE);
  const immediate = await publishMatter(db.db, market, ON_THE_SPOT);
  /** A material the caller uploaded: a submission names only the submitter's own files. */
  const materialOf = async (caller: 'person' | 'company' | 'clerk') => {
    const upload = await expect(
      send(caller, {
        method: 'POST',
        url: '/api/files?name=sqs.pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: PDF(`fuzz ${caller}`),
      }),
      `an upload of ${caller}`,
    );
    return { key: 'sqs', sha256: upload.json().sha256 as string, fileName: '申请书.pdf' };
  };
  for (const applicant of ['person', 'company'] as const) {
    const payload = { implementationId: food, materials: [await materialOf(applicant)] };
    await expect(send(applicant, { method: 'POST', url: '/api/cases', payload }), `a case of ${applicant}`);
  }
  const filed = await expect(
    send('clerk', {
      method: 'POST',
      url: '/api/cases',
      payload: {
        implementationId: immediate,
        applicant: { kind: 'company', login: COMPANY, displayName: '福州闽江数字科技有限公司' },
        formData: { premises: '西安市新城区西一路218号', category: '餐饮服务经营者' },
        materials: [await materialOf('clerk')],
      },
    }),
    'a case at the window',
  );
  // Concluded at once (即办件): its notices and the company's certificate exist.
  let c = filed.json() as { id: string; version: number };
  for (const action of ['accept', 'approve', 'conclude']) {
    const payload = { version: c.version };
    c = (
      await expect(send('clerk', { method: 'POST', url: `/api/cases/${c.id}/${action}`, payload }), action)
    ).json();
  }
  const held = (await send('company', { method: 'GET', url: '/api/me/certificates' })).json().items ?? [];
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  if (held.length === 0) throw new Error('the fuzz fixture found no certificate of the company');
  for (const certificate of held.slice(0, 1)) {
    await expect(
      send('company', {
        method: 'POST',
        url: `/api/me/certificates/${certificate.id}/authorisations`,
        payload: { organisationId: market, expiresOn: inAMonth },
      }),
      'a certificate authorisation',
    );
  }
  const victims: string[] = [];
  for (let i = 1; i <= 2; i++) {
    const payload = {
      login: `fuzz.victim${i}`,
      displayName: `受试账号${i}`,
      password: 'victim-password-1',
      organisationId: market,
      roles: [{ role: 'department_reviewer', organisationId: market }],
    };
    victims.push(
      (await expect(send('admin', { method: 'POST', url: '/api/accounts', payload }), 'an account')).json()
        .id,
    );
  }
  const cityHall = (await db.pool.query('SELECT id FROM halls ORDER BY name LIMIT 1')).rows[0]?.id;
  const device = await expect(
    send('admin', {
      method: 'POST',
      url: '/api/kiosk/devices',
      payload: { hallId: cityHall, name: '受试终端' },
    }),
    'a kiosk',
  );

  const column = async (text: string, values: unknown[] = []) =>
    (await db.pool.query(text, values)).rows.map((r) => String(Object.values(r)[0]));
  return {
    account: victims,
    assignment: await column('SELECT id FROM role_assignments WHERE account_id = ANY($1::uuid[])', [victims]),
    staff: await column("SELECT id FROM accounts WHERE kind = 'staff' ORDER BY login"),
    organisation: await column('SELECT id FROM organisations ORDER BY name'),
    hall: await column('SELECT id FROM halls ORDER BY name'),
    window: await column('SELECT id FROM windows ORDER BY name LIMIT 20'),
    basicMatter: await column('SELECT id FROM basic_matters ORDER BY code LIMIT 20'),
    implementation: [
      food,
      immediate,
      ...(await column('SELECT id FROM implementations ORDER BY code LIMIT 10')),
    ],
    case: await column('SELECT id FROM cases ORDER BY case_no'),
    caseNo: await column('SELECT case_no FROM cases ORDER BY case_no'),
    queryCode: await column('SELECT query_code FROM cases ORDER BY case_no'),
    attachment: await column('SELECT id FROM case_attachments'),
    credit: await column('SELECT id FROM credit_records'),
    certificate: await column('SELECT id FROM certificates ORDER BY number'),
    verification: await column('SELECT verification_code FROM certificates ORDER BY number'),
    authorisation: await column('SELECT id FROM certificate_authorisations'),
    notification: await column('SELECT id FROM notifications ORDER BY id LIMIT 20'),
    file: await column('SELECT sha256 FROM stored_files'),
    device: [device.json().device.id],
    region: await column("SELECT code FROM regions WHERE code LIKE '6101%' ORDER BY code LIMIT 20"),
    typeCode: await column('SELECT code FROM certificate_types ORDER BY code LIMIT 10'),
    holder: [PERSON, COMPANY, ...(await column('SELECT id_number FROM registry_persons LIMIT 3'))],
    materialKey: ['sqs', 'zscl', 'yyzz'],
    versionNo: ['1', '2', '3'],
    phone: ['13912345678', '059187654321', '+86 139 1234 5678'],
    password: ['demo1234', 'victim-password-1'],
  };
}

/** The pool a field or query parameter of that name draws real values from. */
const BY_NAME: Record<string, string> = {
  organisationId: 'organisation',
  departmentId: 'organisation',
  parentId: 'organisation',
  hallId: 'hall',
  windowId: 'window',
  implementationId: 'implementation',
  basicMatterId: 'basicMatter',
  caseId: 'case',
  assigneeId: 'staff',
  actorId: 'staff',
  attachmentIds: 'attachment',
  sha256: 'file',
  blankFormFile: 'file',
  sampleFile: 'file',
  regionCode: 'region',
  region: 'region',
  parent: 'region',
  parentCode: 'region',
  login: 'holder',
  idNumber: 'holder',
  applicantLogin: 'holder',
  holderLogin: 'holder',
  caseNo: 'caseNo',
  code: 'queryCode',
  materialKey: 'materialKey',
  key: 'materialKey',
  typeCode: 'typeCode',
  targetId: 'case',
  phone: 'phone',
  password: 'password',
};

/** The pool of a path parameter, by the route it belongs to. */
const IN_PATH: [RegExp, string, string][] = [
  [/^\/api\/accounts\//, 'id', 'account'],
  [/^\/api\/accounts\//, 'assignmentId', 'assignment'],
  [/^\/api\/organisations\//, 'id', 'organisation'],
  [/^\/api\/halls\//, 'id', 'hall'],
  [/^\/api\/halls\//, 'windowId', 'window'],
  [/^\/api\/catalogue\/basic-matters\//, 'id', 'basicMatter'],
  [/^\/api\/catalogue\/(implementations|guides)\//, 'id', 'implementation'],
  [/^\/api\/catalogue\/guides\//, 'implementationId', 'implementation'],
  [/^\/api\/catalogue\/implementations\//, 'versionNo', 'versionNo'],
  [/^\/api\/cases\//, 'id', 'case'],
  [/^\/api\/cases\//, 'attachmentId', 'attachment'],
  [/^\/api\/cases\//, 'materialKey', 'materialKey'],
  [/^\/api\/credit-records\//, 'id', 'credit'],
  [/^\/api\/(me\/)?certificates\//, 'id', 'certificate'],
  [/^\/api\/me\/certificates\//, 'aid', 'authorisation'],
  [/^\/api\/verify\//, 'code', 'verification'],
  [/^\/api\/files\//, 'sha256', 'file'],
  [/^\/api\/notifications\//, 'id', 'notification'],
  [/^\/api\/kiosk\/devices\//, 'id', 'device'],
  [/^\/api\/regions\//, 'code', 'region'],
];

/** Real values for the fields and parameters of `route`. */
export function knownFor(pools: Pools, route: FuzzRoute): { body: Known; path: Known } {
  const pool = (kind: string | undefined) => (kind ? (pools[kind] ?? []) : []);
  return {
    body: (name) => pool(BY_NAME[name]),
    path: (name) => pool(IN_PATH.find(([pattern, param]) => param === name && pattern.test(route.path))?.[2]),
  };
}
