import { Type } from 'typebox';
import { Id, Nullable } from '../api.ts';

/** 取号类别: a letter per category (A001 …). */
export const TicketCategoryBody = Type.Object(
  {
    letter: Type.String({ pattern: '^[A-Z]$', description: '号码的字母，如 A' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export const TicketCategory = Type.Object({
  id: Id,
  hallId: Id,
  letter: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
});

export const WindowCategoriesBody = Type.Object(
  { categoryIds: Type.Array(Id, { maxItems: 26, uniqueItems: true }) },
  { additionalProperties: false },
);
export const WindowCategories = Type.Object({ windowId: Id, categoryIds: Type.Array(Id) });

export const TicketPriority = Type.Union([Type.Literal('green'), Type.Literal('agent')], {
  description: 'green 绿色通道（老年人、残疾人）；agent 帮办代办',
});

/** Taking a ticket for a category; a booking of today at the hall checks in (priority within its slot). */
export const TakeTicketBody = Type.Object(
  {
    categoryId: Id,
    appointmentId: Type.Optional(Id),
    priority: Type.Optional(TicketPriority),
  },
  { additionalProperties: false },
);

export const Ticket = Type.Object({
  id: Id,
  hallId: Id,
  categoryId: Id,
  categoryName: Type.String(),
  day: Type.String(),
  code: Type.String(),
  priority: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  returned: Type.Boolean(),
  /** People before this ticket in its queue while it waits. */
  ahead: Nullable(Type.Integer()),
  windowId: Nullable(Id),
  windowNumber: Nullable(Type.String()),
  takenAt: Type.String({ format: 'date-time' }),
  calledAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  /** taken → called, seconds. */
  waitSeconds: Nullable(Type.Integer()),
  /** called → done, seconds. */
  handleSeconds: Nullable(Type.Integer()),
});

export const CallResult = Type.Object({ ticket: Nullable(Ticket) });

export const TransferBody = Type.Object(
  { windowId: Type.Optional(Id), categoryId: Type.Optional(Id) },
  { additionalProperties: false },
);
