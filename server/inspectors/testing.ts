import type { Browser } from '../accounts/testing.ts';
import type { TestApp } from '../testing/app.ts';
import { buildApplicant, buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

export { ok };

/** The first bytes of a PNG and some text: what the file store takes for an image. */
export const png = (text: string) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(text)]);

/** Uploads a file through POST /api/files; its SHA-256. */
export async function upload(who: Browser, content: Buffer, contentType = 'image/png'): Promise<string> {
  const res = await who.request({
    method: 'POST',
    url: '/api/files?name=shot.png',
    headers: { 'content-type': contentType },
    payload: content,
  });
  if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().sha256 as string;
}

/**
 * A department of 610100 with a published matter and its head, a department elsewhere and its head,
 * a supervisor of 610100 and three citizens: all signed in.
 */
export async function buildInspectorWorld(t: TestApp) {
  const db = t.db.db;
  const department = await buildOrganisation(db, { kind: 'department', regionCode: '610100' });
  const matter = await buildMatter(db, {
    departmentId: department.id,
    regionCode: '610100',
    document: { name: '个体工商户设立登记' },
  });
  const away = await buildOrganisation(db, { kind: 'department', regionCode: '610300' });
  const headOf = async (organisationId: string) =>
    signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId }));
  return {
    department,
    matter,
    away,
    head: await headOf(department.id),
    outsider: await headOf(away.id),
    supervisor: await signIn(
      t.app,
      await buildStaff(db, { role: 'supervisor', organisationId: department.id }),
    ),
    citizen: await signIn(t.app, await buildApplicant(db)),
    other: await signIn(t.app, await buildApplicant(db)),
    newcomer: await signIn(t.app, await buildApplicant(db)),
  };
}

export const APPLICATION = {
  regionCode: '610100',
  name: '张晓明',
  phone: '13800001111',
  occupation: '教师',
  motivation: '希望帮助改进政务服务',
};

/** A citizen applies and the supervisor approves: the 体验官's id. */
export async function approvedInspector(supervisor: Browser, citizen: Browser, name = APPLICATION.name) {
  const applied = await ok(citizen, 'POST', '/api/inspectors/applications', { ...APPLICATION, name }, 201);
  await ok(supervisor, 'POST', `/api/inspectors/applications/${applied.id}/decision`, {
    decision: 'approve',
    version: applied.version,
  });
  return applied.id as string;
}

/** The 体验官 files a finding; its view. */
export async function fileFinding(citizen: Browser, fields: Record<string, unknown> = {}) {
  return ok(
    citizen,
    'POST',
    '/api/inspectors/findings',
    {
      category: 'guide',
      channel: 'online',
      title: '办事指南材料清单与实际不符',
      description: '指南写明需提交3份材料，窗口实际要求5份。',
      regionCode: '610100',
      screenshots: [],
      ...fields,
    },
    201,
  );
}
