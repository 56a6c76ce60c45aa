import { floorPool, serveFloor } from '../floor.ts';
import { type ReadName, read } from './queries.ts';

/**
 * The floor under the statistics reads over HTTP: node:http answering the benchmark's raw case_daily
 * SQL and nothing else (no framework, no session, no schema, no policy). GET /read/<figures|screen|cases>
 * ?path=&from=&to= answers the rows. Env: DATABASE_URL, PORT (see ../floor.ts).
 */
const pool = floorPool();
const READS = new Set(['figures', 'screen', 'cases']);

serveFloor(pool, async ({ request }) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const [, verb, target] = url.pathname.split('/');
  if (request.method === 'GET' && verb === 'read' && target && READS.has(target)) {
    const q = url.searchParams;
    const answers = await read(pool, target as ReadName, 'kept', {
      path: q.get('path') ?? '',
      from: q.get('from') ?? '',
      to: q.get('to') ?? '',
    });
    return [200, { answers }];
  }
  return [404, null];
});
