import { Type } from 'typebox';
import { DateTime } from '../core/http/dates.ts';
import { auditContext, authorize } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { listCalendarDays, removeLocalDay, setLocalDay } from './manage.ts';
import { todayInChina } from './service.ts';

const tags = ['calendar'];
const Day = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '日期，如 2026-10-08',
});

const CalendarEntrySchema = Type.Object({
  day: Type.String(),
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '星期（1 = 星期一 … 7 = 星期日）' }),
  workday: Type.Boolean({ description: '是否为工作日' }),
  name: Type.String({ description: '如 春节、国庆节调休上班' }),
  source: Type.Union([Type.Literal('national'), Type.Literal('local')], {
    description: 'national = 国务院公布的节假日安排；local = 本地调整',
  }),
  updatedAt: DateTime,
});

export async function calendarRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: '工作日历：某年的法定节假日、调休上班日及本地调整（其余日期按周一至周五上班）',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            nationalCovered: Type.Boolean({ description: '该年是否已有国家公布的节假日安排' }),
            items: Type.Array(CalendarEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      authorize(request, 'calendar.manage');
      const year = request.query.year ?? Number(todayInChina().slice(0, 4));
      return listCalendarDays({ db: db(), year });
    },
  );

  app.put(
    '/calendar/:day',
    {
      schema: {
        tags,
        summary: '设置某日的本地调整（上班或放假）',
        params: Type.Object({ day: Day }),
        body: Type.Object(
          {
            workday: Type.Boolean({ description: '是否为工作日' }),
            name: Type.String({ minLength: 1, maxLength: 30, description: '如 地方节日放假、临时调整上班' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CalendarEntrySchema },
      },
    },
    async (request) => {
      authorize(request, 'calendar.manage');
      return setLocalDay({
        db: db(),
        audit: auditContext(request, 'system_admin'),
        day: request.params.day,
        input: request.body,
      });
    },
  );

  app.delete(
    '/calendar/:day',
    {
      schema: {
        tags,
        summary: '取消某日的本地调整（恢复国家安排或周一至周五规则）',
        params: Type.Object({ day: Day }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      authorize(request, 'calendar.manage');
      await removeLocalDay({
        db: db(),
        audit: auditContext(request, 'system_admin'),
        day: request.params.day,
      });
      return reply.status(204).send(null);
    },
  );
}
