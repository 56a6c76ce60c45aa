/**
 * The big screens' live streams of one server process. Each watched region has one shared
 * computation (not one per screen): every `pollMs` a small fingerprint of what its answer depends on
 * is read, and only when that changed (or the last full answer is `fullEveryMs` old, so what the
 * fingerprint does not cover still shows) is the answer computed again; compared with the last one
 * sent (the time of the rollups left out), and when it changed sent as an `update` event to every
 * stream of that region. Without a fingerprint the answer is computed on every poll. A stream
 * joining gets the last answer at once (or the first one when it lands). A comment line every
 * `heartbeatMs` keeps idle connections open through proxies. Nothing is kept for a region nobody
 * watches.
 */

/** A screen's connection: takes whole SSE frames; `end` closes it. */
export type ScreenSubscriber = { write: (frame: string) => void; end: () => void };

type Watch = {
  subscribers: Set<ScreenSubscriber>;
  /** The last frame sent, and what it was compared by. */
  frame: string | null;
  key: string | null;
  /** The fingerprint read before the last full answer, and when that answer was computed. */
  print: string | null;
  computedAt: number;
  /** The poll of this region under way, if any. */
  running: Promise<void> | null;
};

export type ScreenHub = ReturnType<typeof createScreenHub>;

/** An SSE `update` event carrying the answer as JSON. */
export const updateFrame = (answer: unknown) => `event: update\ndata: ${JSON.stringify(answer)}\n\n`;

/** How old a full answer may get while the fingerprint stays the same. */
export const FULL_EVERY_MS = 60_000;

export function createScreenHub<A extends { asOf: unknown }>(options: {
  compute: (region: string) => Promise<A>;
  /** A cheap reading that changes whenever the answer may have (within `fullEveryMs`). */
  fingerprint?: (region: string) => Promise<string>;
  log: (message: string) => void;
  pollMs?: number;
  heartbeatMs?: number;
  fullEveryMs?: number;
  /** The clock of `fullEveryMs`, in milliseconds. */
  now?: () => number;
}) {
  const watches = new Map<string, Watch>();
  const now = options.now ?? (() => performance.now());
  const fullEveryMs = options.fullEveryMs ?? FULL_EVERY_MS;
  let poller: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let ending = false;

  /** Reads the region's fingerprint, and computes and sends its answer when it may have changed. */
  const poll = async (region: string, watch: Watch) => {
    try {
      const started = now();
      const print = options.fingerprint ? await options.fingerprint(region) : null;
      const fresh = started - watch.computedAt < fullEveryMs;
      if ((print !== null && print === watch.print && fresh) || watches.get(region) !== watch) return;
      const answer = await options.compute(region);
      if (watches.get(region) !== watch) return;
      watch.print = print;
      watch.computedAt = started;
      send(watch, answer);
    } catch (error) {
      if (!ending) options.log(`big screen: computing region ${region} failed (${(error as Error).message})`);
    }
  };

  /** Sends an answer to the region's streams unless it is the one sent last (its time aside). */
  const send = (watch: Watch, answer: A) => {
    const { asOf: _asOf, ...compared } = answer;
    const key = JSON.stringify(compared);
    if (key === watch.key) return;
    watch.key = key;
    watch.frame = updateFrame(answer);
    for (const subscriber of watch.subscribers) subscriber.write(watch.frame);
  };

  /** Polls a region unless a poll of it is under way; resolves when that poll is done. */
  const refresh = (region: string, watch: Watch): Promise<void> => {
    watch.running ??= poll(region, watch).finally(() => {
      watch.running = null;
    });
    return watch.running;
  };

  const pollAll = async () => {
    await Promise.all([...watches].map(([region, watch]) => refresh(region, watch)));
  };

  const stopTimers = () => {
    if (poller) clearInterval(poller);
    if (heartbeat) clearInterval(heartbeat);
    poller = null;
    heartbeat = null;
  };

  const startTimers = () => {
    poller ??= setInterval(() => void pollAll(), options.pollMs ?? 2_000).unref();
    heartbeat ??= setInterval(() => {
      for (const watch of watches.values())
        for (const subscriber of watch.subscribers) subscriber.write(': ping\n\n');
    }, options.heartbeatMs ?? 15_000).unref();
  };

  /** Adds a stream to a region's watchers; returns the function that removes it. */
  const subscribe = (region: string, subscriber: ScreenSubscriber): (() => void) => {
    if (ending) {
      subscriber.end();
      return () => {};
    }
    let watch = watches.get(region);
    const created = !watch;
    if (!watch) {
      watch = { subscribers: new Set(), frame: null, key: null, print: null, computedAt: 0, running: null };
      watches.set(region, watch);
    }
    const own = watch;
    own.subscribers.add(subscriber);
    if (own.frame) subscriber.write(own.frame);
    if (created) void refresh(region, own);
    startTimers();
    return () => {
      own.subscribers.delete(subscriber);
      if (!own.subscribers.size && watches.get(region) === own) watches.delete(region);
      if (!watches.size) stopTimers();
    };
  };

  return {
    subscribe,
    /** Polls every watched region now, as the timer does; resolves when each poll is done. */
    poll: pollAll,
    /** How many streams watch, in all and per region (for tests and health). */
    watching: () => ({
      regions: watches.size,
      streams: [...watches.values()].reduce((n, w) => n + w.subscribers.size, 0),
    }),
    /** Ends every stream (before the HTTP server closes, which waits for open responses). */
    endStreams: () => {
      ending = true;
      for (const watch of watches.values()) for (const subscriber of watch.subscribers) subscriber.end();
      watches.clear();
      stopTimers();
    },
  };
}
