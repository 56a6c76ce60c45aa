import { IdParams } from '../../common/api.ts';
import {
  ApplyBody,
  ConfirmBody,
  FindingBody,
  FindingView,
  InspectorView,
  MeAnswer,
  PublishedList,
  PublishedQuery,
  ScreenshotParams,
  TaskDoneBody,
  TaskView,
} from '../../common/inspectors/api.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { openFile } from '../files/index.ts';
import { notFound, readableFinding } from './access.ts';
import { apply } from './applications.ts';
import { fileFinding } from './findings.ts';
import { signedIn, tags } from './guards.ts';
import { confirmFinding } from './handling.ts';
import { publishedFindings } from './public.ts';
import { inspectorStaffRoutes } from './routes-staff.ts';
import { finishTask } from './tasks.ts';
import { findingView, me } from './view.ts';

/** 政务服务体验官: the citizen's and the 体验官's routes, a finding's detail and screenshots, the public list. */
export async function inspectorRoutes(app: App): Promise<void> {
  const { config, database } = app.deps;
  const db = () => database.db;

  app.post(
    '/inspectors/applications',
    {
      schema: {
        tags,
        summary: '群众申请成为政务服务体验官（每个账号一份申请）',
        body: ApplyBody,
        response: { 201: InspectorView },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const view = await apply({
        db: db(),
        audit: auditContext(request, 'applicant'),
        actor: requireActor(request),
        body: request.body,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/inspectors/me',
    {
      schema: { tags, summary: '我的体验官资格、任务和反映的问题', response: { 200: MeAnswer } },
      onRequest: signedIn,
    },
    async (request) => me(db(), requireActor(request)),
  );

  app.post(
    '/inspectors/tasks/:id/done',
    {
      schema: {
        tags,
        summary: '体验官完成任务并反馈体验情况',
        params: IdParams,
        body: TaskDoneBody,
        response: { 200: TaskView },
      },
      onRequest: signedIn,
    },
    async (request) =>
      finishTask({
        db: db(),
        audit: auditContext(request, 'inspector'),
        actor: requireActor(request),
        id: request.params.id,
        report: request.body.report,
      }),
  );

  app.post(
    '/inspectors/findings',
    {
      schema: {
        tags,
        summary: '体验官反映问题（找茬）：分类、渠道、描述和截图（先经 POST /api/files 上传）',
        body: FindingBody,
        response: { 201: FindingView },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = await fileFinding({
        db: db(),
        audit: auditContext(request, 'inspector'),
        actor,
        body: request.body,
      });
      return reply.status(201).send(await findingView(db(), actor, id));
    },
  );

  app.post(
    '/inspectors/findings/:id/confirm',
    {
      schema: {
        tags,
        summary: '体验官确认整改结果：认可则办结并公开，不认可则退回重新整改',
        params: IdParams,
        body: ConfirmBody,
        response: { 200: FindingView },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      await confirmFinding({
        db: db(),
        audit: auditContext(request, 'inspector'),
        actor,
        id: request.params.id,
        ...request.body,
      });
      return findingView(db(), actor, request.params.id);
    },
  );

  app.get(
    '/inspectors/findings/:id',
    {
      schema: { tags, summary: '问题详情及办理过程', params: IdParams, response: { 200: FindingView } },
      onRequest: signedIn,
    },
    async (request) => findingView(db(), requireActor(request), request.params.id),
  );

  app.get(
    '/inspectors/findings/:id/screenshots/:sha256',
    {
      schema: { tags, summary: '问题截图（可查看该问题者）', params: ScreenshotParams },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const { id, sha256 } = request.params;
      const row = await readableFinding(db(), requireActor(request), id);
      if (!row.screenshots.includes(sha256)) throw notFound('截图', 'sha256');
      const file = await openFile({ db: db(), dataDir: config.dataDir, sha256 });
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header(
          'content-disposition',
          `inline; filename="${sha256}.${file.mediaType === 'image/png' ? 'png' : 'jpg'}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/inspectors/published',
    {
      schema: {
        tags,
        summary: '已办结的体验官问题公开（不含体验官姓名、电话）',
        querystring: PublishedQuery,
        response: { 200: PublishedList },
      },
    },
    async (request) => publishedFindings(db(), request.query),
  );

  await app.register(inspectorStaffRoutes);
}
