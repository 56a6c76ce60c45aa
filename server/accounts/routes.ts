import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { resetPassword, setAccountActive, unlockAccount, updateAccount } from './changes.ts';
import { addRoleAssignment, removeRoleAssignment } from './role-assignments.ts';
import { AccountView, Password, RoleGrantInput, RoleName } from './schemas.ts';
import {
  accountResource,
  createStaffAccount,
  getAccount,
  listStaffAccounts,
  organisationResource,
} from './service.ts';

const tags = ['accounts'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Phone = Type.Union([Type.String({ maxLength: 20 }), Type.Null()]);
const Email = Type.Union([Type.String({ maxLength: 200, format: 'email' }), Type.Null()]);

/** Administration of staff accounts and their role assignments. */
export async function accountRoutes(app: App): Promise<void> {
  const { db } = app.deps.database;
  /** Where the target account belongs; asks for sign-in before revealing whether it exists. */
  const targetOf = async (request: FastifyRequest, id: string) => {
    requireActor(request);
    return accountResource(db, id);
  };
  const organisationOf = async (request: FastifyRequest, id: string) => {
    requireActor(request);
    return organisationResource(db, id, 'organisationId');
  };

  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: '工作人员账号列表（按机构、角色、关键字筛选；手机号脱敏）',
        querystring: Type.Object(
          {
            organisationId: Type.Optional(Type.String({ format: 'uuid' })),
            role: Type.Optional(RoleName),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AccountView), total: Type.Integer() }) },
      },
    },
    async (request) => listStaffAccounts({ db, actor: requireActor(request), filter: request.query }),
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, summary: '工作人员账号详情', params: Id, response: { 200: AccountView } } },
    async (request) => {
      authorize(request, 'account.read', await targetOf(request, request.params.id));
      return getAccount({ db, id: request.params.id });
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: '新建工作人员账号',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 32 }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            password: Password,
            organisationId: Type.String({ format: 'uuid' }),
            phone: Type.Optional(Phone),
            email: Type.Optional(Email),
            roles: Type.Optional(Type.Array(RoleGrantInput, { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: AccountView },
      },
    },
    async (request, reply) => {
      authorize(request, 'account.manage', await organisationOf(request, request.body.organisationId));
      const account = await createStaffAccount({ db, audit: auditContext(request), input: request.body });
      return reply.status(201).send(account);
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: '修改工作人员账号（姓名、电话、邮箱、所属机构）',
        params: Id,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            phone: Type.Optional(Phone),
            email: Type.Optional(Email),
            organisationId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AccountView },
      },
    },
    async (request) => {
      authorize(request, 'account.manage', await targetOf(request, request.params.id));
      return updateAccount({ db, audit: auditContext(request), id: request.params.id, input: request.body });
    },
  );

  for (const [path, summary, active] of [
    ['deactivate', '停用账号（同时注销其所有会话）', false],
    ['activate', '重新启用账号', true],
  ] as const) {
    app.post(
      `/accounts/:id/${path}`,
      { schema: { tags, summary, params: Id, response: { 200: AccountView } } },
      async (request) => {
        authorize(request, 'account.manage', await targetOf(request, request.params.id));
        return setAccountActive({ db, audit: auditContext(request), id: request.params.id, active });
      },
    );
  }

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（解除锁定并注销其所有会话）',
        params: Id,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: AccountView },
      },
    },
    async (request) => {
      authorize(request, 'account.manage', await targetOf(request, request.params.id));
      return resetPassword({
        db,
        audit: auditContext(request),
        id: request.params.id,
        password: request.body.password,
      });
    },
  );

  app.post(
    '/accounts/:id/unlock',
    { schema: { tags, summary: '解除登录锁定', params: Id, response: { 200: AccountView } } },
    async (request) => {
      authorize(request, 'account.manage', await targetOf(request, request.params.id));
      return unlockAccount({ db, audit: auditContext(request), id: request.params.id });
    },
  );

  app.post(
    '/accounts/:id/roles',
    {
      schema: {
        tags,
        summary: '授予角色（区域角色指定行政区划，其他角色指定机构）',
        params: Id,
        body: RoleGrantInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      authorize(request, 'account.manage', await targetOf(request, request.params.id));
      const created = await addRoleAssignment({
        db,
        audit: auditContext(request),
        accountId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/accounts/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: '撤销角色授权',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          assignmentId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      authorize(request, 'account.manage', await targetOf(request, request.params.id));
      await removeRoleAssignment({
        db,
        audit: auditContext(request),
        accountId: request.params.id,
        assignmentId: request.params.assignmentId,
      });
      return reply.status(204).send(null);
    },
  );
}
