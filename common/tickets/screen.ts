import { Type } from 'typebox';
import { Id } from '../api.ts';

/**
 * What a hall's calling screen (叫号屏) shows publicly: ticket codes, window numbers, category
 * names and counts. Never a name, phone or account.
 */

/** A call on the screen: 叫号 or 重呼 of a ticket at a window. */
export const ScreenCall = Type.Object({
  /** The ticket_events id of the call. */
  eventId: Type.Integer(),
  kind: Type.Union([Type.Literal('called'), Type.Literal('recalled')]),
  code: Type.String(),
  windowNumber: Type.String(),
  at: Type.String({ format: 'date-time' }),
});

/** People waiting now in one ticket category of the hall. */
export const ScreenWaiting = Type.Object({
  categoryId: Id,
  letter: Type.String(),
  name: Type.String(),
  count: Type.Integer(),
});

/** The state of the hall: waiting per category and the windows open (active and not paused). */
export const ScreenState = Type.Object({
  waiting: Type.Array(ScreenWaiting),
  windowsOpen: Type.Array(Type.String()),
});

export const HallScreen = Type.Object({
  hallId: Id,
  hallName: Type.String(),
  /** The last 10 calls, newest first. */
  calls: Type.Array(ScreenCall),
  waiting: Type.Array(ScreenWaiting),
  windowsOpen: Type.Array(Type.String()),
  /** The newest ticket event of the hall today; a stream opened with `after` = this misses nothing. */
  lastEventId: Type.Integer(),
});

export const ScreenStreamQuery = Type.Object(
  {
    after: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: '只发送此事件编号之后的事件（断线重连时由 Last-Event-ID 代替）',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * One message of a hall's stream (`data:` of a Server-Sent Event). A ticket change carries the
 * event's id (also the SSE `id:`), kind (taken, called, recalled, skipped, returned,
 * transferred, done, no_show, requeued), code, window number and category; `kind: 'hall'` (no
 * event id) says a window paused or resumed. Every message carries the hall's state after it.
 */
export type ScreenMessage = {
  eventId: number | null;
  kind:
    | 'taken'
    | 'called'
    | 'recalled'
    | 'skipped'
    | 'returned'
    | 'transferred'
    | 'done'
    | 'no_show'
    | 'requeued'
    | 'hall';
  code: string | null;
  windowNumber: string | null;
  categoryId: string | null;
  at: string;
  waiting: { categoryId: string; letter: string; name: string; count: number }[];
  windowsOpen: string[];
};
