import { Type } from 'typebox';
import {
  CalendarDay,
  CalendarEntry,
  CalendarQuery,
  CalendarYear,
  LocalDayBody,
} from '../../common/calendar/api.ts';
import { auditContext, authorize } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { listCalendarDays, removeLocalDay, setLocalDay } from './manage.ts';
import { todayInChina } from './service.ts';

const tags = ['calendar'];

export async function calendarRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: '工作日历：某年的法定节假日、调休上班日及本地调整（其余日期按周一至周五上班）',
        querystring: CalendarQuery,
        response: { 200: CalendarYear },
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
        params: Type.Object({ day: CalendarDay }),
        body: LocalDayBody,
        response: { 200: CalendarEntry },
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
        params: Type.Object({ day: CalendarDay }),
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
