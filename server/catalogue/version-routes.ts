import { Type } from 'typebox';
import { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { Action } from '../core/access/policy.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { diffDocuments } from './diff.ts';
import { getVersion, implementationScope } from './implementations.ts';
import { Change, Id, Missing, Status, VersionState, VersionWithDocument } from './schemas.ts';
import {
  approveVersion,
  completenessOf,
  openDraft,
  rejectVersion,
  retireImplementation,
  saveDraft,
  submitVersion,
} from './versions.ts';

const tags = ['catalogue'];
const strict = { additionalProperties: false } as const;
const Params = Type.Object({ id: Id });
/** A version number as the database holds it (a 32-bit integer). */
const VersionNo = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** The versions of an implementation and their life cycle: draft → under review → published → superseded | retired. */
export async function catalogueVersionRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  /** The one permission check of these routes, on the implementation in the path. */
  const allow = async (request: Parameters<typeof requireActor>[0], action: Action, id: string) => {
    requireActor(request);
    authorize(request, action, await implementationScope(db(), id));
    return { db: db(), audit: auditContext(request), implementationId: id };
  };

  app.get(
    '/catalogue/implementations/:id/versions/:versionNo',
    {
      schema: {
        tags,
        summary: '实施清单的某一版本',
        params: Type.Object({ id: Id, versionNo: VersionNo }),
        response: { 200: VersionWithDocument },
      },
    },
    async (request) => {
      const { db, implementationId } = await allow(request, 'catalogue.read', request.params.id);
      return getVersion({ db, implementationId, versionNo: request.params.versionNo });
    },
  );

  app.get(
    '/catalogue/implementations/:id/diff',
    {
      schema: {
        tags,
        summary: '两个版本之间的差异（材料按标识对应，其他列表按顺序对应）',
        params: Params,
        querystring: Type.Object({ from: VersionNo, to: VersionNo }, strict),
        response: { 200: Type.Array(Change) },
      },
    },
    async (request) => {
      const { db, implementationId } = await allow(request, 'catalogue.read', request.params.id);
      const [from, to] = await Promise.all([
        getVersion({ db, implementationId, versionNo: request.query.from }),
        getVersion({ db, implementationId, versionNo: request.query.to }),
      ]);
      return diffDocuments(from.document, to.document).map((c) => ({
        path: c.path,
        before: c.before ?? null,
        after: c.after ?? null,
      }));
    },
  );

  app.put(
    '/catalogue/implementations/:id/draft',
    {
      schema: {
        tags,
        summary: '保存草稿（须带修订号；已被他人修改时返回 409）',
        params: Params,
        body: Type.Object({ rev: Type.Integer({ minimum: 1 }), document: ImplementationDocument }, strict),
        response: { 200: VersionState },
      },
    },
    async (request) => {
      const context = await allow(request, 'catalogue.edit', request.params.id);
      return saveDraft({ ...context, ...request.body });
    },
  );

  app.post(
    '/catalogue/implementations/:id/draft',
    {
      schema: {
        tags,
        summary: '以发布版本为底稿新建草稿（已有草稿时返回 409）',
        params: Params,
        response: { 201: VersionState },
      },
    },
    async (request, reply) => {
      const context = await allow(request, 'catalogue.edit', request.params.id);
      return reply.status(201).send(await openDraft(context));
    },
  );

  app.get(
    '/catalogue/implementations/:id/completeness',
    {
      schema: {
        tags,
        summary: '检查当前版本要素是否齐全（提交和发布的前提）',
        params: Params,
        response: {
          200: Type.Object({
            versionNo: Type.Integer(),
            complete: Type.Boolean(),
            missing: Type.Array(Missing),
          }),
        },
      },
    },
    async (request) => {
      const { db, implementationId } = await allow(request, 'catalogue.read', request.params.id);
      return completenessOf({ db, implementationId });
    },
  );

  app.post(
    '/catalogue/implementations/:id/submit',
    {
      schema: {
        tags,
        summary: '提交审核（要素不全时返回 400 及缺失清单）',
        params: Params,
        body: Type.Object({ rev: Type.Integer({ minimum: 1 }) }, strict),
        response: { 200: VersionState },
      },
    },
    async (request) => {
      const context = await allow(request, 'catalogue.edit', request.params.id);
      return submitVersion({ ...context, rev: request.body.rev });
    },
  );

  app.post(
    '/catalogue/implementations/:id/approve',
    {
      schema: {
        tags,
        summary: '审核通过并发布（原发布版本被替代）',
        params: Params,
        body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }, strict),
        response: { 200: VersionState },
      },
      // The body (a comment) may be left out altogether.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const context = await allow(request, 'catalogue.review', request.params.id);
      return approveVersion({ ...context, comment: request.body.comment ?? null });
    },
  );

  app.post(
    '/catalogue/implementations/:id/reject',
    {
      schema: {
        tags,
        summary: '审核退回修改（须说明理由）',
        params: Params,
        body: Type.Object({ comment: Type.String({ minLength: 1, maxLength: 1000 }) }, strict),
        response: { 200: VersionState },
      },
    },
    async (request) => {
      const context = await allow(request, 'catalogue.review', request.params.id);
      return rejectVersion({ ...context, comment: request.body.comment });
    },
  );

  app.post(
    '/catalogue/implementations/:id/retire',
    {
      schema: {
        tags,
        summary: '停用事项（撤下发布版本，公众不再可见）',
        params: Params,
        response: { 200: Type.Object({ versionNo: Type.Integer(), status: Status }) },
      },
    },
    async (request) => {
      const context = await allow(request, 'catalogue.review', request.params.id);
      return retireImplementation(context);
    },
  );
}
