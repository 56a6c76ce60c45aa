import { floorPool, serveFloor } from '../floor.ts';
import type { RawMatter } from './baseline.ts';
import { TRANSITIONS, type Transition } from './baseline.ts';
import { type CaseRow, tightSubmit, tightTransition } from './tight.ts';

/**
 * The floor under the HTTP API: the same URLs and answers' essentials (the case row with its id and
 * version) over the tight statements of tight.ts, served by node:http with nothing else: no
 * framework, no sessions (the cookie names the account), no access check, no case page.
 * What the real server spends beyond this is the platform's own work.
 * Env: DATABASE_URL, PORT (see ../floor.ts).
 */
const pool = floorPool();
const matters = new Map<string, RawMatter>(
  (
    await pool.query<RawMatter>(`
      SELECT i.id AS "implementationId", v.id AS "versionId", i.organisation_id AS "departmentId",
             i.region_code AS "regionCode", r.path AS "regionPath"
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      JOIN regions r ON r.code = i.region_code`)
  ).rows.map((m) => [m.implementationId, m]),
);

serveFloor(pool, async ({ request, body, account }) => {
  if (request.method !== 'POST' || !account) return [404, null];
  const input = JSON.parse(body) as { implementationId?: string; version?: number };
  if (request.url === '/api/cases') {
    const matter = matters.get(input.implementationId ?? '');
    if (!matter) return [400, { code: 'matter' }];
    const key = String(request.headers['idempotency-key'] ?? '');
    return [201, await tightSubmit(pool, matter, account, key)];
  }
  const [, id, step] = /^\/api\/cases\/([0-9a-f-]{36})\/([a-z-]+)$/.exec(request.url ?? '') ?? [];
  if (!id || !step || !(step in TRANSITIONS)) return [404, null];
  const row: CaseRow | null = await tightTransition(
    pool,
    step as Transition,
    id,
    Number(input.version),
    account,
  );
  return row ? [200, row] : [409, { code: 'stale' }];
});
