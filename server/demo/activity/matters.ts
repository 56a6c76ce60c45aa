import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';

/** Slots per group of matters: a case's matter is the slot its draw falls in. */
export const SLOTS = 10_000;

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The published implementations of the weighted regions as temporary tables:
 * - gen_matters: each with its limits, the hall its guide names first, its first material that may be
 *   missing (容缺), whether it allows 告知承诺, and its group ('immediate' or 'promised', escalated
 *   matters with the promised);
 * - gen_slots (grp, slot, n): SLOTS slots per group shared out by weight: a region's weight split
 *   evenly over its matters of the group;
 * - gen_materials (n, ord, key, name, source): the required materials without a condition;
 * - gen_windows: the active windows of each hall, comprehensive (department_id null) or dedicated.
 * Returns the matters of each group.
 */
export async function createMatters(
  db: DbOrTx,
  regions: Record<string, number>,
): Promise<{ immediate: number; promised: number }> {
  const weights = JSON.stringify(Object.entries(regions).map(([code, weight]) => ({ code, weight })));
  await db.execute(sql`
    CREATE TEMP TABLE gen_matters AS
    SELECT (row_number() OVER (ORDER BY i.code, i.id) - 1)::int AS n, i.id AS implementation_id,
      v.id AS version_id, i.organisation_id AS department_id, i.region_code, r.path AS region_path,
      v.case_type, CASE WHEN v.case_type = 'immediate' THEN 'immediate' ELSE 'promised' END AS grp,
      v.limit_unit = 'working_days' AS working, v.legal_limit, v.promised_limit, v.service_object,
      coalesce((v.document->>'promiseAllowed')::boolean, false) AS promise_allowed,
      (SELECT m->>'key' FROM jsonb_array_elements(v.document->'materials') WITH ORDINALITY AS x(m, o)
        WHERE (m->>'gapAllowed')::boolean AND (m->>'required')::boolean AND coalesce(m->>'condition', '') = ''
        ORDER BY o LIMIT 1) AS gap_key,
      h.id AS hall_id,
      w.weight::float8 AS region_weight
    FROM implementations i
    JOIN implementation_versions v ON v.id = i.published_version_id
    JOIN regions r ON r.code = i.region_code
    JOIN json_to_recordset(${weights}::json) AS w(code text, weight float8)
      ON w.code = i.region_code AND w.weight > 0
    LEFT JOIN halls h ON h.id = CASE WHEN v.document->'places'->0->>'hallId' ~ ${sql.raw(UUID)}
      THEN (v.document->'places'->0->>'hallId')::uuid END`);
  await db.execute(sql`ALTER TABLE gen_matters ADD PRIMARY KEY (n)`);
  await db.execute(
    sql.raw(`
    CREATE TEMP TABLE gen_slots AS
    WITH weighted AS (
      SELECT n, grp, region_weight / count(*) OVER (PARTITION BY grp, region_code) AS weight FROM gen_matters),
    bounded AS (
      SELECT n, grp, round(sum(weight) OVER (PARTITION BY grp ORDER BY n)
        / sum(weight) OVER (PARTITION BY grp) * ${SLOTS})::int AS hi FROM weighted),
    ranged AS (SELECT n, grp, coalesce(lag(hi) OVER (PARTITION BY grp ORDER BY n), 0) AS lo, hi FROM bounded)
    SELECT r.grp, s.slot, r.n FROM ranged r CROSS JOIN LATERAL generate_series(r.lo, r.hi - 1) AS s(slot)`),
  );
  await db.execute(sql`ALTER TABLE gen_slots ADD PRIMARY KEY (grp, slot)`);
  await db.execute(sql`
    CREATE TEMP TABLE gen_materials AS
    SELECT g.n, x.o::int AS ord, x.m->>'key' AS key, x.m->>'name' AS name, x.m->>'source' AS source
    FROM gen_matters g
    JOIN implementation_versions v ON v.id = g.version_id
    CROSS JOIN LATERAL jsonb_array_elements(v.document->'materials') WITH ORDINALITY AS x(m, o)
    WHERE (x.m->>'required')::boolean AND coalesce(x.m->>'condition', '') = ''`);
  await db.execute(sql`CREATE INDEX ON gen_materials (n)`);
  await db.execute(sql`
    CREATE TEMP TABLE gen_windows AS
    SELECT hall_id, department_id, id AS window_id,
      (row_number() OVER (PARTITION BY hall_id, department_id ORDER BY number) - 1)::int AS k,
      count(*) OVER (PARTITION BY hall_id, department_id)::int AS windows
    FROM windows WHERE active`);
  const { rows } = await db.execute<{ grp: string; n: number }>(sql`
    SELECT grp, count(DISTINCT n)::int AS n FROM gen_slots GROUP BY grp`);
  const count = (grp: string) => rows.find((r) => r.grp === grp)?.n ?? 0;
  return { immediate: count('immediate'), promised: count('promised') };
}

export const DROP_MATTERS = sql`DROP TABLE IF EXISTS gen_matters, gen_slots, gen_materials, gen_windows`;
