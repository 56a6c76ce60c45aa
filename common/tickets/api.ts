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

/**
 * Taking a ticket for a category; a booking of today at the hall checks in (priority within its
 * slot, in the category linked to the booking's matter). The reception desk may name the person
 * and a mobile phone for the SMS, and give 绿色通道 or 帮办代办.
 */
export const TakeTicketBody = Type.Object(
  {
    categoryId: Type.Optional(Id),
    appointmentId: Type.Optional(Id),
    priority: Type.Optional(TicketPriority),
    personName: Type.Optional(Type.String({ maxLength: 50, description: '服务台代取号：办事人姓名' })),
    phone: Type.Optional(Type.String({ maxLength: 20, description: '服务台代取号：接收叫号短信的手机号' })),
  },
  { additionalProperties: false },
);

/** Taking a ticket at the kiosk: a category, or a booking of today once the ID card was read. */
export const KioskTakeTicketBody = Type.Object(
  { categoryId: Type.Optional(Id), appointmentId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** A booking of today that can check in to a ticket (签到取号). */
export const CheckInBooking = Type.Object({
  id: Id,
  start: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  categoryName: Type.String(),
  /** The ticket category the booking checks in to; null when the hall has linked none. */
  ticketCategoryId: Nullable(Id),
});

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

/** A ticket in the person's list: with the hall it is for. */
export const MyTicket = Type.Object({ ...Ticket.properties, hallName: Type.String() });

export const CallResult = Type.Object({ ticket: Nullable(Ticket) });

export const TransferBody = Type.Object(
  { windowId: Type.Optional(Id), categoryId: Type.Optional(Id) },
  { additionalProperties: false },
);
