import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { furnish, knownFor } from './fixture.ts';
import { describeRequest, type FuzzRequest, requestsFor } from './requests.ts';
import { type FuzzRoute, fuzzRoutes } from './routes.ts';
import { createFuzzWorld, type FuzzWorld, REACHED_HEADER } from './world.ts';

/** A request answered with a 5xx (or not at all). */
export type FuzzFailure = { route: string; request: string; status: number | 'timeout'; response: string };

export type RouteResult = {
  route: string;
  sent: number;
  /** Requests that passed validation and reached the route's handler. */
  reached: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
};

export type FuzzOptions = {
  /** Requests per route. */
  runs: number;
  seed: number;
  /** Only the routes whose "METHOD /path" matches. */
  only?: RegExp;
  /** Milliseconds a request may take before it counts as a failure. */
  timeoutMs?: number;
  /** Told how many real things of each kind the requests may name. */
  onFurnished?: (pools: Record<string, number>) => void;
  onRoute?: (result: RouteResult, index: number, total: number) => void;
};

/** FNV-1a of a route's key: each route's requests depend on the seed and the route only. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

async function answer(world: FuzzWorld, request: FuzzRequest, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([
      world.send(request.caller, {
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.payload,
        csrf: request.csrf,
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const preview = (res: LightMyRequestResponse) => res.body.slice(0, 500);

async function fuzzRoute(
  world: FuzzWorld,
  route: FuzzRoute,
  known: ReturnType<typeof knownFor>,
  options: FuzzOptions,
): Promise<RouteResult> {
  const result: RouteResult = { route: route.key, sent: 0, reached: 0, statuses: {}, failures: [] };
  const requests = fc.sample(requestsFor(route, known), {
    seed: (options.seed ^ hash(route.key)) | 0,
    numRuns: options.runs,
  });
  for (const request of requests) {
    const res = await answer(world, request, options.timeoutMs ?? 30_000);
    result.sent += 1;
    const status = res === 'timeout' ? 'timeout' : res.statusCode;
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (res !== 'timeout' && res.headers[REACHED_HEADER]) result.reached += 1;
    if (res === 'timeout' || res.statusCode >= 500) {
      result.failures.push({
        route: route.key,
        request: describeRequest(request),
        status,
        response: res === 'timeout' ? '(no answer)' : preview(res),
      });
    }
    // A request may have ended the caller's session (sign-out, the next card at the kiosk).
    if (status === 401 && request.caller !== 'anonymous') await world.renew([request.caller]);
  }
  await world.renew(route.callers);
  return result;
}

/** Fuzzes every route of the OpenAPI document (or those matching options.only) in a fresh world. */
export async function fuzzApi(options: FuzzOptions): Promise<RouteResult[]> {
  const world = await createFuzzWorld();
  try {
    const pools = await furnish(world);
    options.onFurnished?.(
      Object.fromEntries(Object.entries(pools).map(([kind, values]) => [kind, values.length])),
    );
    const routes = fuzzRoutes(world.app).filter((r) => !options.only || options.only.test(r.key));
    const results: RouteResult[] = [];
    for (const [i, route] of routes.entries()) {
      const result = await fuzzRoute(world, route, knownFor(pools, route), options);
      results.push(result);
      options.onRoute?.(result, i, routes.length);
    }
    return results;
  } finally {
    await world.close();
  }
}

/** Status counts over all routes, and the share of requests that reached a handler. */
export function summarise(results: RouteResult[]) {
  const statuses: Record<string, number> = {};
  let sent = 0;
  let reached = 0;
  for (const r of results) {
    sent += r.sent;
    reached += r.reached;
    for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  }
  return { routes: results.length, sent, reached, statuses, failures: results.flatMap((r) => r.failures) };
}
