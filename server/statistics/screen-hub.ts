/**
 * The big screens' live streams of one server process. Each watched region has one shared
 * computation (not one per screen): while at least one stream watches it, its answer is computed
 * every `pollMs`, compared with the last one sent (the time of the rollups left out), and when it
 * changed sent as an `update` event to every stream of that region. A stream joining gets the last
 * answer at once (or the first one when it lands). A comment line every `heartbeatMs` keeps idle
 * connections open through proxies. Nothing is kept for a region nobody watches.
 */

/** A screen's connection: takes whole SSE frames; `end` closes it. */
export type ScreenSubscriber = { write: (frame: string) => void; end: () => void };

type Watch = {
  subscribers: Set<ScreenSubscriber>;
  /** The last frame sent, and what it was compared by. */
  frame: string | null;
  key: string | null;
  busy: boolean;
};

export type ScreenHub = ReturnType<typeof createScreenHub>;

/** An SSE `update` event carrying the answer as JSON. */
export const updateFrame = (answer: unknown) => `event: update\ndata: ${JSON.stringify(answer)}\n\n`;

export function createScreenHub<A extends { asOf: unknown }>(options: {
  compute: (region: string) => Promise<A>;
  log: (message: string) => void;
  pollMs?: number;
  heartbeatMs?: number;
}) {
  const watches = new Map<string, Watch>();
  let poller: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let ending = false;

  const refresh = async (region: string, watch: Watch) => {
    if (watch.busy) return;
    watch.busy = true;
    try {
      const answer = await options.compute(region);
      if (watches.get(region) !== watch) return;
      const { asOf: _asOf, ...compared } = answer;
      const key = JSON.stringify(compared);
      if (key === watch.key) return;
      watch.key = key;
      watch.frame = updateFrame(answer);
      for (const subscriber of watch.subscribers) subscriber.write(watch.frame);
    } catch (error) {
      if (!ending) options.log(`big screen: computing region ${region} failed (${(error as Error).message})`);
    } finally {
      watch.busy = false;
    }
  };

  const stopTimers = () => {
    if (poller) clearInterval(poller);
    if (heartbeat) clearInterval(heartbeat);
    poller = null;
    heartbeat = null;
  };

  const startTimers = () => {
    poller ??= setInterval(() => {
      for (const [region, watch] of watches) void refresh(region, watch);
    }, options.pollMs ?? 2_000).unref();
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
      watch = { subscribers: new Set(), frame: null, key: null, busy: false };
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
