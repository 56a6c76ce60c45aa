import { IdParams } from '../../common/api.ts';
import {
  ActionBody,
  CaseListQuery,
  IdempotencyHeaders,
  ProgressQuery,
  RevealBody,
  SubmitBody,
} from '../../common/cases/api.ts';
import { CASE_ACTION_NAMES, CASE_ACTIONS } from '../../common/cases/state-machine.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { submitApplication } from './application.ts';
import { creditRoutes } from './credit-routes.ts';
import { caseFileRoutes } from './file-routes.ts';
import { formDraftRoutes } from './form-draft-routes.ts';
import { prefillRoutes } from './prefill-routes.ts';
import { departmentReviewers, listCases, openCase, publicProgress, visibleCase } from './queries.ts';
import { revealCaseField } from './reveal.ts';
import { caseStatisticsRoutes } from './statistics-routes.ts';
import { transitionCase } from './transition.ts';

const tags = ['cases'];

const kebab = (action: string) => action.replaceAll('_', '-');

export async function caseRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  await app.register(caseFileRoutes);
  await app.register(creditRoutes);
  await app.register(prefillRoutes);
  await app.register(formDraftRoutes);
  await app.register(caseStatisticsRoutes);

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          '提交办件申请（网上申报、窗口受理、自助终端、帮办代办）；Idempotency-Key 头（按提交账号区分）保证重复提交只生成一件，同一键提交不同内容返回 422；材料文件须为提交人本人上传',
        headers: IdempotencyHeaders,
        body: SubmitBody,
      },
    },
    async (request, reply) => {
      const { page, created } = await submitApplication({
        db: db(),
        actor: requireActor(request),
        origin: auditContext(request),
        kioskHallId: request.kiosk?.hallId ?? null,
        application: request.body,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      reply.code(created ? 201 : 200);
      return page;
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: '办件列表（按权限范围；queue=true 为按承诺期限排序的待办队列）',
        querystring: CaseListQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      return listCases({
        db: db(),
        actor,
        filter: { ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 },
      });
    },
  );

  app.get(
    '/cases/:id',
    { schema: { tags, summary: '办件详情：时间线、材料、期限与跑动次数', params: IdParams } },
    async (request) => openCase(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/cases/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整信息：申请人身份证号码、联系电话、收件人电话或邮寄地址（每次查看留痕审计）',
        params: IdParams,
        body: RevealBody,
      },
    },
    async (request) => {
      const { row, resource } = await visibleCase(db(), requireActor(request), request.params.id);
      authorize(request, 'case.reveal', resource);
      return revealCaseField({ db: db(), audit: auditContext(request), row, field: request.body.field });
    },
  );

  app.get(
    '/cases/:id/reviewers',
    {
      schema: { tags, summary: '可改派的本部门审核人员', params: IdParams },
    },
    async (request) => {
      const { row, resource } = await visibleCase(db(), requireActor(request), request.params.id);
      const actor = authorize(request, 'case.reassign', resource);
      return { items: await departmentReviewers(db(), actor, row.departmentId) };
    },
  );

  app.get(
    '/progress',
    {
      schema: {
        tags,
        summary: '办件进度公开查询（办件编号 + 查询码）',
        querystring: ProgressQuery,
      },
    },
    async (request) => publicProgress(db(), request.query.caseNo, request.query.code),
  );

  for (const action of CASE_ACTION_NAMES) {
    if (action === 'submit') continue;
    app.post(
      `/cases/:id/${kebab(action)}`,
      {
        schema: {
          tags,
          summary: `办件操作：${CASE_ACTIONS[action].label}`,
          params: IdParams,
          body: ActionBody,
        },
      },
      async (request) => {
        const { version, ...input } = request.body;
        const { page } = await transitionCase({
          db: db(),
          actor: requireActor(request),
          caseId: request.params.id,
          action,
          input,
          version,
          origin: auditContext(request),
        });
        return page;
      },
    );
  }
}
