import { Type } from 'typebox';
import { Id, Nullable } from '../api.ts';
import { Ticket } from './api.ts';

/** A category a window calls, with how many of its tickets wait today. */
export const ServedCategory = Type.Object({
  id: Id,
  letter: Type.String(),
  name: Type.String(),
  waiting: Type.Integer(),
});

/** A window of a hall where the caller works (GET /api/tickets/my-windows). */
export const StaffWindow = Type.Object({
  id: Id,
  number: Type.String(),
  name: Type.String(),
  hallId: Id,
  hallName: Type.String(),
  paused: Type.Boolean(),
  categories: Type.Array(ServedCategory),
});

/**
 * The person a ticket stands for, as the clerk's panel shows them: the account's name, ID number or
 * credit code and phone, else what the reception desk or the kiosk noted. ID numbers and phones masked.
 */
export const TicketPerson = Type.Object({
  kind: Nullable(Type.Union([Type.Literal('person'), Type.Literal('company')])),
  name: Nullable(Type.String()),
  login: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

/** A ticket at the window with its person. */
export const WindowTicket = Type.Object({ ...Ticket.properties, person: TicketPerson });

/** GET /api/tickets/windows/:id: what the window's clerk works from. */
export const WindowState = Type.Object({
  window: StaffWindow,
  /** The ticket now called to this window, if any. */
  current: Nullable(WindowTicket),
  /** Tickets transferred to this window that wait for it. */
  waitingHere: Type.Integer(),
  /** Tickets skipped at this window today that may still return to the queue (once). */
  skipped: Type.Array(WindowTicket),
  /** Tickets this window finished today (办结). */
  servedToday: Type.Integer(),
  /** The newest ticket event when read: the hall's stream (?after=) tells of changes since. */
  lastEventId: Type.Integer(),
});

/** GET /api/tickets/:id/person: the person in full, for the counter intake (each read audited). */
export const TicketPersonFull = Type.Object({
  ticketId: Id,
  code: Type.String(),
  windowId: Nullable(Id),
  ...TicketPerson.properties,
});
