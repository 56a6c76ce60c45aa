import { Type } from 'typebox';
import { Id, IsoDate, isoDateTime, Nullable } from '../api.ts';

export { SETTING_RANGES } from './settings-ranges.ts';

/** The API shapes of a hall's queue settings, its live board (大厅实况) and its figures (大厅统计). */

export const TicketSettings = Type.Object({
  hallId: Id,
  /** The goal for the average wait today, minutes. */
  waitGoalMinutes: Type.Integer(),
  /** Tickets one person may take in the hall per day. */
  dailyLimitPerPerson: Type.Integer(),
  /** The person is told when this many people are ahead. */
  nearNoticeAhead: Type.Integer(),
  /** When they were last saved; null while the hall uses the defaults. Send it back when saving. */
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const TicketSettingsBody = Type.Object(
  {
    waitGoalMinutes: Type.Integer({ description: '平均等候目标（分钟，1–240）' }),
    dailyLimitPerPerson: Type.Integer({ description: '每人每日取号上限（1–20）' }),
    nearNoticeAhead: Type.Integer({ description: '前面还有几人时提醒（1–20）' }),
    updatedAt: Type.Union([isoDateTime('读取设置时的 updatedAt；尚未保存过为 null'), Type.Null()]),
  },
  { additionalProperties: false },
);

const Seconds = Nullable(Type.Integer({ description: '秒' }));

export const BoardCategory = Type.Object({
  id: Id,
  letter: Type.String(),
  name: Type.String(),
  waiting: Type.Integer(),
  /** How long the longest-waiting ticket of the category has waited so far. */
  longestWaitSeconds: Seconds,
});

export const BoardWindow = Type.Object({
  id: Id,
  number: Type.String(),
  name: Type.String(),
  paused: Type.Boolean(),
  /** The clerk who last called a ticket at this window today. */
  clerkId: Nullable(Id),
  clerkName: Nullable(Type.String()),
  served: Type.Integer(),
  averageHandleSeconds: Seconds,
  currentTicket: Nullable(Type.Object({ id: Id, code: Type.String(), calledAt: Type.String() })),
});

export const BoardClerk = Type.Object({
  id: Id,
  name: Type.String(),
  served: Type.Integer(),
  averageHandleSeconds: Seconds,
});

export const HallBoard = Type.Object({
  hallId: Id,
  hallName: Type.String(),
  day: Type.String(),
  at: Type.String({ format: 'date-time' }),
  /** The newest ticket event of the hall today: the hall's stream opened after it misses no change. */
  lastEventId: Type.Integer(),
  waitGoalMinutes: Type.Integer(),
  /** Today's average wait is longer than the goal. */
  goalMissed: Type.Boolean(),
  /** Tickets still waiting that have already waited longer than the goal. */
  waitingOverGoal: Type.Integer(),
  waiting: Type.Integer(),
  longestWaitingSeconds: Seconds,
  categories: Type.Array(BoardCategory),
  today: Type.Object({
    taken: Type.Integer(),
    served: Type.Integer(),
    noShows: Type.Integer(),
    skipped: Type.Integer(),
    /** taken → called over the tickets called today. */
    averageWaitSeconds: Seconds,
    longestWaitSeconds: Seconds,
    /** called → done over the tickets served today. */
    averageHandleSeconds: Seconds,
  }),
  windowsOpen: Type.Integer(),
  windowsPaused: Type.Integer(),
  windows: Type.Array(BoardWindow),
  clerks: Type.Array(BoardClerk),
});

export const FiguresQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    by: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('month')])),
  },
  { additionalProperties: false },
);

/** Served, no-shows and average times of tickets (served: done; waits taken → called; handling called → done). */
const FigureCounts = {
  served: Type.Integer(),
  noShows: Type.Integer(),
  averageWaitSeconds: Seconds,
  averageHandleSeconds: Seconds,
};

export const FigureRow = Type.Object({
  /** YYYY-MM-DD or YYYY-MM (China time). */
  period: Type.String(),
  taken: Type.Integer(),
  ...FigureCounts,
});
export const WindowFigureRow = Type.Object({
  period: Type.String(),
  windowId: Id,
  windowNumber: Type.String(),
  windowName: Type.String(),
  ...FigureCounts,
});
export const ClerkFigureRow = Type.Object({
  period: Type.String(),
  clerkId: Id,
  clerkName: Type.String(),
  ...FigureCounts,
});

export const HallFigures = Type.Object({
  hallId: Id,
  hallName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  by: Type.Union([Type.Literal('day'), Type.Literal('month')]),
  hall: Type.Array(FigureRow),
  windows: Type.Array(WindowFigureRow),
  clerks: Type.Array(ClerkFigureRow),
});
