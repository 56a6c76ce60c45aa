import { floorPool, serveFloor } from '../floor.ts';
import { type ReadName, read } from './queries.ts';
import { rateRaw } from './rate.ts';

/**
 * The floor under the evaluation reads and the rating write over HTTP: node:http answering the same
 * SQL as the benchmark's raw phases and nothing else (no framework, no session — the cookie names the
 * account —, no schema, no policy, no audit record). GET /read/<public|department|ranking|hotline>?month=
 * &region=&id=&kind= answers the kept figures' rows; POST /rate/<caseId> {stage, level} answers 201, or
 * 409 when the stage was rated already. Env: DATABASE_URL, PORT (see ../floor.ts).
 */
const pool = floorPool();
const READS = new Set(['public', 'department', 'ranking', 'hotline']);

serveFloor(pool, async ({ request, body, account }) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const [, verb, target] = url.pathname.split('/');
  if (request.method === 'GET' && verb === 'read' && target && READS.has(target)) {
    const q = url.searchParams;
    const rows = await read(pool, target as ReadName, 'kept', {
      month: q.get('month') ?? '',
      region: q.get('region') ?? '',
      id: q.get('id') ?? undefined,
      kind: (q.get('kind') ?? undefined) as 'district' | 'department' | undefined,
    });
    return [200, { items: rows }];
  }
  if (request.method === 'POST' && verb === 'rate' && target && account) {
    const input = JSON.parse(body) as { stage: 'accepted' | 'concluded'; level: 4 | 5 };
    const stored = await rateRaw(pool, { caseId: target, accountId: account, ...input });
    return stored ? [201, { caseId: target }] : [409, { error: { code: 'rating.already_rated' } }];
  }
  return [404, null];
});
