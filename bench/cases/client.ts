import http from 'node:http';

export type Session = { cookie: string; csrfToken: string };
export type Answer = { status: number; body: unknown; ms: number };

/** A small keep-alive JSON client for the benchmark: less CPU per request than fetch on a 2-core machine. */
export function benchClient(baseUrl: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const call = (method: string, path: string, session: Session | null, body?: unknown, headers = {}) =>
    new Promise<Answer & { setCookie?: string[] }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
            ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              body: text ? JSON.parse(text) : null,
              ms: performance.now() - started,
              setCookie: response.headers['set-cookie'],
            });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  return {
    call,
    async signIn(path: string, body: unknown): Promise<Session> {
      const answer = await call('POST', path, null, body);
      if (answer.status !== 200)
        throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const cookie = answer.setCookie?.[0]?.split(';')[0] ?? '';
      return { cookie, csrfToken: (answer.body as { csrfToken: string }).csrfToken };
    },
    close: () => agent.destroy(),
  };
}

export type BenchClient = ReturnType<typeof benchClient>;

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
