import { IdParams } from '../../common/api.ts';
import {
  ApplicationList,
  ApplicationsQuery,
  AssignBody,
  DecisionBody,
  DepartmentList,
  FindingList,
  FindingsQuery,
  FindingView,
  InspectorView,
  MatterList,
  MattersQuery,
  RectifyBody,
  RejectBody,
  TaskBody,
  TaskList,
  TasksQuery,
  TaskView,
} from '../../common/inspectors/api.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { decide, listApplications } from './applications.ts';
import { asDepartment, asSupervisor, tags } from './guards.ts';
import { assignFinding, rectifyFinding, rejectFinding } from './handling.ts';
import { supervisedDepartments, supervisedMatters } from './public.ts';
import { cancelTask, createTask, listTasks } from './tasks.ts';
import { departmentInbox, findingView, listFindings } from './view.ts';

/** 体验官: the supervisors' routes (applications, tasks, findings) and the departments' (rectify). */
export async function inspectorStaffRoutes(app: App): Promise<void> {
  await app.register(supervisorRoutes);
  await app.register(departmentRoutes);
}

/** Supervisors (and administrators) of some region only: one guard before any body is read. */
async function supervisorRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.addHook('onRequest', asSupervisor);

  app.get(
    '/inspectors/applications',
    {
      schema: {
        tags,
        summary: '体验官申请及名单',
        querystring: ApplicationsQuery,
        response: { 200: ApplicationList },
      },
    },
    async (request) => listApplications(db(), requireActor(request), request.query.status),
  );

  app.post(
    '/inspectors/applications/:id/decision',
    {
      schema: {
        tags,
        summary: '审核体验官申请（通过、不通过须说明原因）或暂停资格',
        params: IdParams,
        body: DecisionBody,
        response: { 200: InspectorView },
      },
    },
    async (request) =>
      decide({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor: requireActor(request),
        id: request.params.id,
        body: request.body,
      }),
  );

  app.get(
    '/inspectors/matters',
    {
      schema: {
        tags,
        summary: '本地区已公开的事项（布置任务用）',
        querystring: MattersQuery,
        response: { 200: MatterList },
      },
    },
    async (request) => supervisedMatters(db(), requireActor(request), request.query.q),
  );

  app.get(
    '/inspectors/departments',
    {
      schema: { tags, summary: '本地区的部门（分派问题用）', response: { 200: DepartmentList } },
    },
    async (request) => supervisedDepartments(db(), requireActor(request)),
  );

  app.post(
    '/inspectors/tasks',
    {
      schema: { tags, summary: '给体验官布置体验任务', body: TaskBody, response: { 201: TaskView } },
    },
    async (request, reply) => {
      const task = await createTask({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor: requireActor(request),
        body: request.body,
      });
      return reply.status(201).send(task);
    },
  );

  app.get(
    '/inspectors/tasks',
    {
      schema: { tags, summary: '体验任务列表', querystring: TasksQuery, response: { 200: TaskList } },
    },
    async (request) => listTasks(db(), requireActor(request), request.query),
  );

  app.post(
    '/inspectors/tasks/:id/cancel',
    {
      schema: { tags, summary: '取消未完成的体验任务', params: IdParams, response: { 200: TaskView } },
    },
    async (request) =>
      cancelTask({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor: requireActor(request),
        id: request.params.id,
      }),
  );

  app.get(
    '/inspectors/findings',
    {
      schema: {
        tags,
        summary: '本地区体验官反映的问题',
        querystring: FindingsQuery,
        response: { 200: FindingList },
      },
    },
    async (request) => listFindings(db(), requireActor(request), request.query),
  );

  app.post(
    '/inspectors/findings/:id/assign',
    {
      schema: {
        tags,
        summary: '分派问题给部门整改（按工作日计算整改期限）',
        params: IdParams,
        body: AssignBody,
        response: { 200: FindingView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assignFinding({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor,
        id: request.params.id,
        ...request.body,
      });
      return findingView(db(), actor, request.params.id);
    },
  );

  app.post(
    '/inspectors/findings/:id/reject',
    {
      schema: {
        tags,
        summary: '问题不予受理（须说明原因）',
        params: IdParams,
        body: RejectBody,
        response: { 200: FindingView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await rejectFinding({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor,
        id: request.params.id,
        ...request.body,
      });
      return findingView(db(), actor, request.params.id);
    },
  );
}

/** Heads and reviewers of some department only: one guard before any body is read. */
async function departmentRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.addHook('onRequest', asDepartment);

  app.get(
    '/inspectors/inbox',
    {
      schema: {
        tags,
        summary: '分派给本部门整改的问题',
        querystring: FindingsQuery,
        response: { 200: FindingList },
      },
    },
    async (request) => departmentInbox(db(), requireActor(request), request.query),
  );

  app.post(
    '/inspectors/findings/:id/rectify',
    {
      schema: {
        tags,
        summary: '部门提交整改情况（通知体验官确认）',
        params: IdParams,
        body: RectifyBody,
        response: { 200: FindingView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await rectifyFinding({
        db: db(),
        audit: auditContext(request, 'department'),
        actor,
        id: request.params.id,
        ...request.body,
      });
      return findingView(db(), actor, request.params.id);
    },
  );
}
