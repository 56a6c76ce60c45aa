import type { Browser } from '../accounts/testing.ts';
import type { TestApp } from '../testing/app.ts';
import { buildApplicant, buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

export { ok };

/**
 * Two departments of 610100 (the second with a published matter on 占道施工 the catalogue finds),
 * their heads, a third department's head, a 12345 operator, a supervisor of 610100 and a citizen:
 * all signed in.
 */
export async function buildHotlineWorld(t: TestApp) {
  const db = t.db.db;
  const first = await buildOrganisation(db, { kind: 'department', regionCode: '610100' });
  const second = await buildOrganisation(db, { kind: 'department', regionCode: '610100' });
  const matter = await buildMatter(db, {
    departmentId: second.id,
    regionCode: '610100',
    document: { name: '城市道路占道施工许可' },
  });
  const headOf = async (organisationId: string) =>
    signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId }));
  return {
    first,
    second,
    matter,
    firstHead: await headOf(first.id),
    secondHead: await headOf(second.id),
    outsider: await headOf((await buildOrganisation(db, { kind: 'department' })).id),
    operator: await signIn(t.app, await buildStaff(db, { role: 'hotline_operator' })),
    supervisor: await signIn(t.app, await buildStaff(db, { role: 'supervisor', organisationId: first.id })),
    citizen: await signIn(t.app, await buildApplicant(db)),
  };
}

/** An operator takes a request by phone in 610100; its id and number. */
export async function takeRequest(
  operator: Browser,
  fields: Partial<Record<string, string>> = {},
): Promise<{ id: string; requestNo: string; dueDate: string }> {
  return ok(
    operator,
    'POST',
    '/api/hotline/requests',
    {
      kind: 'complaint',
      channel: 'phone',
      requesterName: '王先生',
      requesterPhone: '13800001234',
      title: '小区门口占道施工噪音扰民',
      content: '小区门口道路占道施工，夜间施工噪音很大，希望有关部门处理。',
      regionCode: '610100',
      ...fields,
    },
    201,
  );
}
