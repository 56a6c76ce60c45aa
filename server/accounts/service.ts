import { and, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { maskPhone } from '../../common/identity.ts';
import type { Role } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, type Resource } from '../core/access/policy.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { grantsOf } from './actors.ts';
import { normaliseLogin, normalisePhone } from './logins.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { organisationFacts, organisationsInRegions } from './places.ts';
import { addGrant, type GrantInput } from './role-assignments.ts';
import { accounts, roleAssignments } from './tables.ts';

export type AccountRow = typeof accounts.$inferSelect;

const notFound = () => new AppError('resource.not_found', { params: { resource: '账号' } });

/** An account as administrators see it: phone masked, no password hash. */
export async function presentAccounts(db: DbOrTx, rows: AccountRow[]) {
  const [orgs, grants] = await Promise.all([
    organisationFacts(
      db,
      rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
    ),
    grantsOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    login: r.login,
    displayName: r.displayName,
    phone: r.phone ? maskPhone(r.phone) : null,
    email: r.email,
    organisationId: r.organisationId,
    organisationName: r.organisationId ? (orgs.get(r.organisationId)?.name ?? null) : null,
    active: r.active,
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.toISOString() : null,
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
    version: r.version,
    roles: (grants.get(r.id) ?? []).map(({ regionPath: _p, ...g }) => g),
  }));
}
export type AccountView = Awaited<ReturnType<typeof presentAccounts>>[number];

export async function findStaffAccount(db: DbOrTx, id: string): Promise<AccountRow> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.kind, 'staff')));
  if (!row) throw notFound();
  return row;
}

/** Where an organisation lives, for permission checks; a 400 naming the field when it does not exist. */
export async function organisationResource(
  db: DbOrTx,
  organisationId: string,
  field: string,
): Promise<Resource> {
  const org = (await organisationFacts(db, [organisationId])).get(organisationId);
  if (!org) {
    throw new AppError('validation.field', {
      field,
      params: { problem: '机构不存在', problemEn: 'no such organisation' },
    });
  }
  return { organisationId: org.id, regionPath: org.regionPath };
}

/** Where a staff account belongs (its organisation), for permission checks; a 404 when there is none. */
export async function accountResource(db: DbOrTx, id: string): Promise<Resource> {
  const row = await findStaffAccount(db, id);
  if (!row.organisationId) return { organisationId: null, regionPath: null };
  const org = (await organisationFacts(db, [row.organisationId])).get(row.organisationId);
  return { organisationId: row.organisationId, regionPath: org?.regionPath ?? null };
}

export type AccountFilter = {
  organisationId?: string;
  role?: Role;
  q?: string;
  limit?: number;
  offset?: number;
};

/** Staff accounts the actor may read ('account.read'), filtered. */
export async function listStaffAccounts(options: { db: DbOrTx; actor: Actor; filter: AccountFilter }) {
  const { db, actor, filter } = options;
  const orgIds = actor.grants.flatMap((g) =>
    g.organisationId && can(actor, 'account.read', { organisationId: g.organisationId })
      ? [g.organisationId]
      : [],
  );
  const regionPaths = actor.grants.flatMap((g) =>
    g.regionPath && can(actor, 'account.read', { regionPath: g.regionPath }) ? [g.regionPath] : [],
  );
  if (orgIds.length === 0 && regionPaths.length === 0) throw new AppError('auth.forbidden');
  const visible = [...new Set([...orgIds, ...(await organisationsInRegions(db, regionPaths))])];
  if (filter.organisationId) {
    const scope = await organisationResource(db, filter.organisationId, 'organisationId');
    if (!can(actor, 'account.read', scope)) throw new AppError('auth.forbidden');
  }
  const conditions: SQL[] = [
    eq(accounts.kind, 'staff'),
    filter.organisationId
      ? eq(accounts.organisationId, filter.organisationId)
      : visible.length
        ? inArray(accounts.organisationId, visible)
        : sql`false`,
  ];
  if (filter.role) {
    conditions.push(
      inArray(
        accounts.id,
        db
          .select({ id: roleAssignments.accountId })
          .from(roleAssignments)
          .where(eq(roleAssignments.role, filter.role)),
      ),
    );
  }
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(accounts.login, pattern), ilike(accounts.displayName, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(accounts)
      .where(where)
      .orderBy(accounts.login)
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0),
    db.select({ n: count() }).from(accounts).where(where),
  ]);
  return { items: await presentAccounts(db, rows), total: total?.n ?? 0 };
}

export async function getAccount(options: { db: DbOrTx; id: string }): Promise<AccountView> {
  return (await presentAccounts(options.db, [await findStaffAccount(options.db, options.id)]))[0]!;
}

export type StaffAccountInput = {
  login: string;
  displayName: string;
  password: string;
  organisationId: string;
  phone?: string | null;
  email?: string | null;
  roles?: GrantInput[];
};

export function requireName(name: string): string {
  const value = name.trim();
  if (!value) {
    throw new AppError('validation.field', {
      field: 'displayName',
      params: { problem: '不能为空', problemEn: 'must not be empty' },
    });
  }
  return value;
}

/** Creates a staff account, optionally with role assignments (each checked like addRoleAssignment). */
export async function createStaffAccount(options: {
  db: Db;
  audit: AuditContext;
  input: StaffAccountInput;
}): Promise<AccountView> {
  const { db, audit, input } = options;
  const login = normaliseLogin('staff', input.login);
  const displayName = requireName(input.displayName);
  const phone = normalisePhone(input.phone);
  checkNewPassword(input.password);
  await organisationResource(db, input.organisationId, 'organisationId');
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accounts)
      .values({
        kind: 'staff',
        login,
        displayName,
        passwordHash,
        phone,
        email: input.email?.trim() || null,
        organisationId: input.organisationId,
      })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (!created) throw new AppError('resource.duplicate', { field: 'login', params: { field: '用户名' } });
    await recordAudit(tx, audit, {
      action: 'account.create',
      targetType: 'account',
      targetId: created.id,
      summary: {
        login,
        displayName,
        organisationId: input.organisationId,
        phone: phone ? maskPhone(phone) : null,
      },
    });
    for (const [i, grant] of (input.roles ?? []).entries()) {
      await addGrant({ tx, audit, accountId: created.id, input: grant, field: `roles.${i}` });
    }
    return created.id;
  });
  return getAccount({ db, id });
}
