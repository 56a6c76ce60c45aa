import { type SQL, sql } from 'drizzle-orm';
import { SUMMARY } from './page.ts';

/**
 * The rows of a page of basic matters (results grouped by basic matter). `candidates` selects
 * matches (`basic_code`, `name`, `rank`); they are grouped by basic matter, ordered by their best
 * rank (then the shortest name), or `byName`, and limited to the page. Each basic matter is answered with one of
 * its implementations `members` selects (FROM and WHERE over `m`, for the basic matter `g`): the
 * best by `memberRank`, the one highest in the region tree (the city before its districts) among
 * equals; and with `places`, all those members, the city first.
 */
export function groupedPageRows(parts: {
  candidates: SQL;
  withinTotal: SQL;
  limit: number;
  offset: number;
  members: SQL;
  memberRank: SQL;
  byName?: boolean;
}): SQL {
  const order = parts.byName
    ? sql`sort_name, x.basic_code`
    : sql`rank DESC, sort_length, sort_name, x.basic_code`;
  return sql`SELECT ${SUMMARY}, g.rank, g.sort_length AS "sortLength", g.sort_name AS "sortName", a.places
    FROM (SELECT x.basic_code, max(x.rank) AS rank, min(length(x.name)) AS sort_length, min(x.name) AS sort_name
      FROM (${parts.candidates}) x WHERE ${parts.withinTotal} GROUP BY x.basic_code
      ORDER BY ${order} LIMIT ${parts.limit} OFFSET ${parts.offset}) g
    CROSS JOIN LATERAL (SELECT
        (array_agg(m.implementation_id ORDER BY ${parts.memberRank} DESC, length(m.region_path), m.region_code,
          m.implementation_id))[1] AS lead,
        json_agg(json_build_object('implementationId', m.implementation_id, 'regionCode', m.region_code,
          'regionName', m.region_name, 'regionPath', m.region_path, 'departmentName', m.department_name,
          'realisationMode', m.realisation_mode, 'caseType', m.case_type, 'legalLimit', m.legal_limit,
          'promisedLimit', m.promised_limit, 'visitsRequired', m.visits_required)
          ORDER BY m.region_path, m.department_name, m.implementation_id) AS places
      ${parts.members}) a
    JOIN published_matters m ON m.implementation_id = a.lead`;
}

/** The order of the rows of groupedPageRows over the page's columns `p`. */
export const GROUPED_ORDER = sql`p.rank DESC, p."sortLength", p."sortName", p."basicCode"`;
export const GROUPED_BY_NAME = sql`p."sortName", p."basicCode"`;
