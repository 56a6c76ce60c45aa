import { Type } from 'typebox';
import { CASE_ACTION_NAMES, CASE_ACTIONS, CASE_STATUSES } from '../../common/cases/state-machine.ts';
import { IsoDate } from '../core/http/dates.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { submitApplication } from './application.ts';
import { creditRoutes } from './credit-routes.ts';
import { caseFileRoutes } from './file-routes.ts';
import { prefillRoutes } from './prefill-routes.ts';
import { departmentReviewers, listCases, openCase, publicProgress, visibleCase } from './queries.ts';
import { REVEAL_FIELDS, revealCaseField } from './reveal.ts';
import { caseStatisticsRoutes } from './statistics-routes.ts';
import { transitionCase } from './transition.ts';

const tags = ['cases'];
const Id = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Material = Type.Object(
  { key: Text(40), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), fileName: Text(200) },
  strict,
);

/** A material taken from a shared source the prefill offered (GET /cases/prefill), instead of an upload. */
const ReusedMaterial = Type.Object(
  {
    key: Text(40),
    reuse: Type.Enum(['e_certificate', 'shared_case', 'registry']),
    ref: Type.String({ minLength: 1, maxLength: 100 }),
  },
  strict,
);

const SubmitBody = Type.Object(
  {
    implementationId: Id,
    formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    materials: Type.Optional(Type.Array(Type.Union([Material, ReusedMaterial]), { maxItems: 100 })),
    /** Counter: the walk-in applicant identified by ID card or business licence. */
    applicant: Type.Optional(
      Type.Object(
        {
          kind: Type.Enum(['person', 'company']),
          login: Text(18),
          displayName: Text(100),
          phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
        },
        strict,
      ),
    ),
    windowId: Type.Optional(Id),
    /** Agent: the applicant's consent to be represented (帮办代办授权). */
    consent: Type.Optional(
      Type.Object(
        {
          signedBy: Text(100),
          signedAt: IsoDate,
          /** 书面授权委托书 / 现场签字 / 电子签名 */
          method: Type.Enum(['written_authorisation', 'on_site_signature', 'e_signature']),
          note: Type.Optional(Text(500)),
        },
        strict,
      ),
    ),
  },
  strict,
);

const ActionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
    problems: Type.Optional(
      Type.Array(Type.Object({ materialKey: Type.Optional(Text(40)), problem: Text(500) }, strict), {
        maxItems: 60,
      }),
    ),
    gaps: Type.Optional(Type.Array(Text(40), { maxItems: 60 })),
    gapDeadline: Type.Optional(IsoDate),
    materials: Type.Optional(Type.Array(Material, { maxItems: 100 })),
    /** Materials uploaded to the case beforehand (POST /cases/:id/materials/:materialKey). */
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 100, uniqueItems: true })),
    assigneeId: Type.Optional(Id),
    procedure: Type.Optional(Text(50)),
    expectedEnd: Type.Optional(IsoDate),
    method: Type.Optional(Type.Enum(['window_pickup', 'post'])),
    address: Type.Optional(Type.Object({ recipient: Text(50), phone: Text(20), address: Text(300) }, strict)),
    sameVisit: Type.Optional(Type.Boolean()),
    promise: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  strict,
);

const kebab = (action: string) => action.replaceAll('_', '-');

export async function caseRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  await app.register(caseFileRoutes);
  await app.register(creditRoutes);
  await app.register(prefillRoutes);
  await app.register(caseStatisticsRoutes);

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          '提交办件申请（网上申报、窗口受理、自助终端、帮办代办）；Idempotency-Key 头（按提交账号区分）保证重复提交只生成一件，同一键提交不同内容返回 422；材料文件须为提交人本人上传',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        }),
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
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum([...CASE_STATUSES])),
            warning: Type.Optional(Type.Enum(['none', 'yellow', 'red'])),
            departmentId: Type.Optional(Id),
            queue: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          strict,
        ),
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
    { schema: { tags, summary: '办件详情：时间线、材料、期限与跑动次数', params: Type.Object({ id: Id }) } },
    async (request) => openCase(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/cases/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整信息：申请人身份证号码、联系电话、收件人电话或邮寄地址（每次查看留痕审计）',
        params: Type.Object({ id: Id }),
        body: Type.Object({ field: Type.Enum([...REVEAL_FIELDS]) }, strict),
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
      schema: { tags, summary: '可改派的本部门审核人员', params: Type.Object({ id: Id }) },
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
        querystring: Type.Object({ caseNo: Text(40), code: Text(10) }, strict),
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
          params: Type.Object({ id: Id }),
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
