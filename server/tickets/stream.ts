import type pg from 'pg';
import type { ScreenMessage } from '../../common/tickets/screen.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type Listener, listen } from './listener.ts';
import { eventsAfter, eventsById, type ScreenEvent, screenState } from './screen.ts';

/**
 * The halls' live streams of one server process. One LISTEN connection on channel `ticket_events`
 * (payload `<hallId>:<eventId>`, sent by the trigger on ticket_events; `<hallId>:0` for a window
 * paused or resumed) fans out to the subscribers of each hall as Server-Sent Event frames. Each
 * notification is read once per hall, whatever the number of screens. When the connection drops it
 * comes back with backoff and the events meanwhile are read from the table.
 */

/** A screen's connection: takes whole SSE frames; `end` closes it. */
export type Subscriber = { write: (frame: string) => void; end: () => void };

/** How many events a hall remembers having sent, so none is sent twice after a replay. */
const REMEMBERED = 2_000;
/** Frames kept for a subscriber while its replay is read; beyond, it is dropped (it reconnects). */
const MAX_HELD = 1_000;

export const frameOf = (message: ScreenMessage) =>
  `${message.eventId === null ? '' : `id: ${message.eventId}\n`}data: ${JSON.stringify(message)}\n\n`;

/**
 * A subscriber in its hall: while its replay is read, the frames sent meanwhile are held; the
 * events it replayed are not sent to it again (a notification may still be on its way).
 */
type Entry = { held: { id: number | null; frame: string }[] | null; skip: Set<number> };

type Hall = {
  subscribers: Map<Subscriber, Entry>;
  pending: Set<number>;
  changed: boolean;
  resync: boolean;
  pumping: boolean;
  sent: Set<number>;
  lastId: number;
};

export type HallFeed = ReturnType<typeof createHallFeed>;

export function createHallFeed(options: {
  db: () => DbOrTx;
  connection: pg.ClientConfig;
  log: (message: string) => void;
  heartbeatMs?: number;
}) {
  const halls = new Map<string, Hall>();
  let listener: Listener | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let closed = false;
  /** Set once the server is closing: no stream starts any more. */
  let ending = false;

  const remember = (hall: Hall, id: number) => {
    hall.sent.add(id);
    if (hall.sent.size > REMEMBERED) hall.sent.delete(hall.sent.values().next().value as number);
    if (id > hall.lastId) hall.lastId = id;
  };

  const broadcast = (hall: Hall, id: number | null, frame: string) => {
    for (const [subscriber, entry] of hall.subscribers) {
      if (id !== null && entry.skip.delete(id)) continue;
      if (!entry.held) subscriber.write(frame);
      else if (entry.held.length < MAX_HELD) entry.held.push({ id, frame });
      else subscriber.end();
    }
  };

  const pump = async (hallId: string, hall: Hall) => {
    if (hall.pumping) return;
    hall.pumping = true;
    try {
      while (hall.pending.size || hall.changed || hall.resync) {
        const ids = [...hall.pending];
        const changed = hall.changed;
        const resync = hall.resync;
        hall.pending.clear();
        hall.changed = false;
        hall.resync = false;
        let events: ScreenEvent[];
        try {
          events = resync ? await eventsAfter(options.db(), hallId, hall.lastId) : [];
          const known = new Set(events.map((e) => e.eventId));
          events.push(...(await eventsById(options.db(), hallId, ids)).filter((e) => !known.has(e.eventId)));
          events = events.filter((e) => !hall.sent.has(e.eventId)).sort((a, b) => a.eventId - b.eventId);
          const state = events.length || changed ? await screenState(options.db(), hallId) : null;
          for (const event of events) {
            remember(hall, event.eventId);
            broadcast(hall, event.eventId, frameOf({ ...event, ...state! }));
          }
          if (changed && !events.length)
            broadcast(
              hall,
              null,
              frameOf({
                eventId: null,
                kind: 'hall',
                code: null,
                windowNumber: null,
                categoryId: null,
                at: new Date().toISOString(),
                ...state!,
              }),
            );
        } catch (error) {
          if (closed || !halls.has(hallId)) return;
          options.log(`ticket stream: reading the hall's events failed (${(error as Error).message})`);
          for (const id of ids) hall.pending.add(id);
          hall.changed ||= changed;
          hall.resync ||= resync;
          setTimeout(() => void pump(hallId, hall), 1_000).unref();
          return;
        }
      }
    } finally {
      hall.pumping = false;
    }
  };

  const onNotify = (payload: string) => {
    const [hallId, id] = payload.split(':');
    const hall = halls.get(hallId ?? '');
    if (!hall) return;
    const eventId = Number(id);
    if (eventId > 0) hall.pending.add(eventId);
    else hall.changed = true;
    void pump(hallId!, hall);
  };

  const onReconnect = () => {
    for (const [hallId, hall] of halls) {
      hall.resync = true;
      hall.changed = true;
      void pump(hallId, hall);
    }
  };

  /** Resolves once the LISTEN connection is open (at once when it is). */
  const ready = () => {
    listener ??= listen({
      connection: options.connection,
      channel: 'ticket_events',
      onNotify,
      onReconnect,
      log: options.log,
    });
    return listener.listening();
  };

  const beat = () => {
    for (const hall of halls.values())
      for (const [subscriber, entry] of hall.subscribers) {
        entry.skip.clear();
        subscriber.write(': ping\n\n');
      }
  };

  /**
   * Adds a screen to the hall's stream: first the hall's events after `after` (today's, in order),
   * then live ones, none twice. Returns the function that removes it.
   */
  const subscribe = async (hallId: string, after: number, subscriber: Subscriber) => {
    await ready();
    if (ending) {
      subscriber.end();
      return () => {};
    }
    let hall = halls.get(hallId);
    if (!hall) {
      hall = {
        subscribers: new Map(),
        pending: new Set(),
        changed: false,
        resync: false,
        pumping: false,
        sent: new Set(),
        lastId: after,
      };
      halls.set(hallId, hall);
    }
    const own = hall;
    const entry: Entry = { held: [], skip: new Set() };
    own.subscribers.set(subscriber, entry);
    heartbeat ??= setInterval(beat, options.heartbeatMs ?? 15_000).unref();
    const unsubscribe = () => {
      own.subscribers.delete(subscriber);
      if (!own.subscribers.size && halls.get(hallId) === own) halls.delete(hallId);
      if (!halls.size && heartbeat) {
        clearInterval(heartbeat);
        heartbeat = null;
      }
    };
    try {
      const replay = await eventsAfter(options.db(), hallId, after);
      const state = replay.length ? await screenState(options.db(), hallId) : null;
      for (const event of replay) {
        entry.skip.add(event.eventId);
        if (event.eventId > own.lastId) own.lastId = event.eventId;
        subscriber.write(frameOf({ ...event, ...state! }));
      }
      if (ending) subscriber.end();
      const held = entry.held ?? [];
      entry.held = null;
      for (const h of held) if (h.id === null || !entry.skip.delete(h.id)) subscriber.write(h.frame);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  };

  return {
    subscribe,
    /** Ends every stream (before the HTTP server closes, which waits for open responses). */
    endStreams: () => {
      ending = true;
      for (const hall of halls.values()) for (const subscriber of hall.subscribers.keys()) subscriber.end();
      halls.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
    close: async () => {
      closed = true;
      await listener?.close();
      listener = null;
    },
  };
}
