import { Type } from 'typebox';
import { DateTime } from '../api.ts';

/** The API shapes of the working calendar (工作日历): national holidays and local adjustments. */

const strict = { additionalProperties: false } as const;

/** A day of the calendar in a path, YYYY-MM-DD. */
export const CalendarDay = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '日期，如 2026-10-08',
});

/** One day that differs from the Monday-to-Friday rule, and why. */
export const CalendarEntry = Type.Object({
  day: Type.String(),
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '星期（1 = 星期一 … 7 = 星期日）' }),
  workday: Type.Boolean({ description: '是否为工作日' }),
  name: Type.String({ description: '如 春节、国庆节调休上班' }),
  source: Type.Union([Type.Literal('national'), Type.Literal('local')], {
    description: 'national = 国务院公布的节假日安排；local = 本地调整',
  }),
  updatedAt: DateTime,
});

/** GET /api/calendar: a year, this year when not given. */
export const CalendarQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  strict,
);

/** The answer of GET /api/calendar: the year's days that differ from the rule. */
export const CalendarYear = Type.Object({
  year: Type.Integer(),
  nationalCovered: Type.Boolean({ description: '该年是否已有国家公布的节假日安排' }),
  items: Type.Array(CalendarEntry),
});

/** PUT /api/calendar/:day: a local adjustment, a working day or a day off. */
export const LocalDayBody = Type.Object(
  {
    workday: Type.Boolean({ description: '是否为工作日' }),
    name: Type.String({ minLength: 1, maxLength: 30, description: '如 地方节日放假、临时调整上班' }),
  },
  strict,
);
