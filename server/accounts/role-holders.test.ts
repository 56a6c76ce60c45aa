import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildOrganisation, buildStaff, withTestDatabase } from '../testing/factories.ts';
import { activeRoleHolders } from './role-assignments.ts';
import { accounts } from './tables.ts';

const t = withTestDatabase('role-holders');

test('the active holders of a department’s roles: each once, none inactive, none of other roles or departments', async () => {
  const department = await buildOrganisation(t.db, { kind: 'department' });
  const other = await buildOrganisation(t.db, { kind: 'department' });
  const head = await buildStaff(t.db, { role: 'department_head', organisationId: department.id });
  const both = await buildStaff(t.db, {
    organisationId: department.id,
    roles: [
      { role: 'department_head', organisationId: department.id },
      { role: 'department_reviewer', organisationId: department.id },
    ],
  });
  const left = await buildStaff(t.db, { role: 'department_reviewer', organisationId: department.id });
  await t.db.update(accounts).set({ active: false }).where(eq(accounts.id, left.id));
  await buildStaff(t.db, { role: 'catalogue_editor', organisationId: department.id });
  await buildStaff(t.db, { role: 'department_head', organisationId: other.id });

  const holders = await activeRoleHolders(t.db, department.id, ['department_head', 'department_reviewer']);
  assert.deepEqual(holders, [head.id, both.id].sort());
  assert.deepEqual(await activeRoleHolders(t.db, department.id, ['department_reviewer']), [both.id]);
  assert.deepEqual(await activeRoleHolders(t.db, department.id, []), []);
});
