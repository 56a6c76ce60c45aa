import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { REGION_WIDE_ROLES, ROLE_LABELS, type Role } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { can, type Resource } from '../core/access/policy.ts';
import { changed } from '../core/caches.ts';
import type { Db, DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { requireRegion } from '../regions/index.ts';
import { organisationFacts } from './places.ts';
import { accounts, roleAssignments } from './tables.ts';

export type GrantInput = { role: Role; organisationId?: string | null; regionCode?: string | null };

function fieldProblem(field: string, zh: string, en: string): AppError {
  return new AppError('validation.field', { field, params: { problem: zh, problemEn: en } });
}

/** Checks a grant's shape and that its organisation or region exists; returns where it holds. */
async function grantScope(tx: Tx, input: GrantInput, field: string): Promise<Resource> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (input.role === 'applicant') {
    throw fieldProblem(at('role'), '申请人角色不能授予工作人员', 'cannot be given to staff accounts');
  }
  if (REGION_WIDE_ROLES.includes(input.role)) {
    if (input.organisationId) {
      throw fieldProblem(
        at('organisationId'),
        '该角色按行政区划授权，不指定机构',
        'must be empty for a region-wide role',
      );
    }
    if (!input.regionCode) {
      throw fieldProblem(at('regionCode'), '该角色须指定行政区划', 'is required for a region-wide role');
    }
    const region = await requireRegion(tx, input.regionCode, at('regionCode'));
    return { regionPath: region.path };
  }
  if (input.regionCode) {
    throw fieldProblem(at('regionCode'), '该角色按机构授权，不指定行政区划', 'must be empty for this role');
  }
  if (!input.organisationId) {
    throw fieldProblem(at('organisationId'), '该角色须指定机构', 'is required for this role');
  }
  const org = (await organisationFacts(tx, [input.organisationId])).get(input.organisationId);
  if (!org) throw fieldProblem(at('organisationId'), '机构不存在', 'no such organisation');
  return { organisationId: org.id, regionPath: org.regionPath };
}

/**
 * Adds a role assignment inside the caller's transaction. The acting administrator
 * (audit.actor; none when the system loads data) must itself manage accounts where the
 * grant would hold, so nobody hands out more than he holds.
 */
export async function addGrant(options: {
  tx: Tx;
  audit: AuditContext;
  accountId: string;
  input: GrantInput;
  field?: string;
}): Promise<string> {
  const { tx, audit, accountId, input } = options;
  const scope = await grantScope(tx, input, options.field ?? '');
  if (audit.actor && !can(audit.actor, 'account.manage', scope)) throw new AppError('auth.forbidden');
  const organisationId = REGION_WIDE_ROLES.includes(input.role) ? null : (input.organisationId ?? null);
  const regionCode = REGION_WIDE_ROLES.includes(input.role) ? (input.regionCode ?? null) : null;
  const [existing] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.accountId, accountId),
        eq(roleAssignments.role, input.role),
        organisationId
          ? eq(roleAssignments.organisationId, organisationId)
          : isNull(roleAssignments.organisationId),
        regionCode ? eq(roleAssignments.regionCode, regionCode) : isNull(roleAssignments.regionCode),
      ),
    );
  if (existing) {
    throw new AppError('resource.duplicate', { field: 'role', params: { field: '该角色授权' } });
  }
  const [created] = await tx
    .insert(roleAssignments)
    .values({ accountId, role: input.role, organisationId, regionCode })
    .returning({ id: roleAssignments.id });
  changed('account', accountId);
  await recordAudit(tx, audit, {
    action: 'account.grant_role',
    targetType: 'account',
    targetId: accountId,
    summary: {
      assignmentId: created!.id,
      role: input.role,
      roleName: ROLE_LABELS[input.role].zh,
      organisationId,
      regionCode,
    },
  });
  return created!.id;
}

async function requireStaff(tx: Tx, accountId: string): Promise<void> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'staff')));
  if (!row) throw new AppError('resource.not_found', { params: { resource: '账号' } });
}

export async function addRoleAssignment(options: {
  db: Db;
  audit: AuditContext;
  accountId: string;
  input: GrantInput;
}): Promise<{ id: string }> {
  return options.db.transaction(async (tx) => {
    await requireStaff(tx, options.accountId);
    return { id: await addGrant({ tx, ...options }) };
  });
}

export async function removeRoleAssignment(options: {
  db: Db;
  audit: AuditContext;
  accountId: string;
  assignmentId: string;
}): Promise<void> {
  const { audit, accountId, assignmentId } = options;
  await options.db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.accountId, accountId)));
    if (!grant) throw new AppError('resource.not_found', { params: { resource: '角色授权' } });
    const role = grant.role as Role;
    const scope = await grantScope(
      tx,
      { role, organisationId: grant.organisationId, regionCode: grant.regionCode },
      '',
    );
    if (audit.actor && !can(audit.actor, 'account.manage', scope)) throw new AppError('auth.forbidden');
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    changed('account', accountId);
    await recordAudit(tx, audit, {
      action: 'account.revoke_role',
      targetType: 'account',
      targetId: accountId,
      summary: { assignmentId, role, organisationId: grant.organisationId, regionCode: grant.regionCode },
    });
  });
}

/** The active accounts holding one of `roles` in an organisation (each once, in id order). */
export async function activeRoleHolders(
  db: DbOrTx,
  organisationId: string,
  roles: readonly Role[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: accounts.id })
    .from(accounts)
    .innerJoin(roleAssignments, eq(roleAssignments.accountId, accounts.id))
    .where(
      and(
        eq(accounts.active, true),
        eq(roleAssignments.organisationId, organisationId),
        inArray(roleAssignments.role, [...roles]),
      ),
    )
    .orderBy(asc(accounts.id));
  return rows.map((r) => r.id);
}
