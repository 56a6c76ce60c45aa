import pg from 'pg';

export type ListenerOptions = {
  /** How to reach the database: the pool's own configuration. */
  connection: pg.ClientConfig;
  channel: string;
  onNotify: (payload: string) => void;
  /** After a lost connection is back: what was notified meanwhile must be read from the tables. */
  onReconnect: () => void;
  log: (message: string) => void;
  /** First wait before connecting again; doubled each failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
};

export type Listener = {
  /** The open connection's client (for tests that cut it), or null while reconnecting. */
  client: () => pg.Client | null;
  /** Resolves when the connection listens (at once if it does), or once closed. */
  listening: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * One dedicated connection LISTENing on a channel. When it drops it connects again with
 * exponential backoff (with jitter) and calls onReconnect once listening again.
 */
export function listen(options: ListenerOptions): Listener {
  const minDelay = options.minDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 10_000;
  let current: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let everConnected = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };

  const retry = () => {
    if (closed || timer) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** failures) * (0.75 + Math.random() / 2);
    failures += 1;
    timer = setTimeout(() => {
      timer = null;
      void open();
    }, delay);
    timer.unref();
  };

  const open = async () => {
    const client = new pg.Client(options.connection);
    let lost = false;
    const drop = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (current === client) current = null;
      if (!closed) options.log(`ticket stream: the LISTEN connection dropped (${error?.message ?? 'ended'})`);
      client.end().catch(() => {});
      retry();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', (message) => {
      if (message.channel === options.channel && message.payload) options.onNotify(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(options.channel)}`);
    } catch (error) {
      drop(error as Error);
      return;
    }
    if (lost) return;
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    failures = 0;
    if (everConnected) options.onReconnect();
    everConnected = true;
    wake();
  };

  void open();
  return {
    client: () => current,
    listening: () =>
      current || closed ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    close: async () => {
      closed = true;
      wake();
      if (timer) clearTimeout(timer);
      timer = null;
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
