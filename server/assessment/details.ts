import type { Static } from 'typebox';
import type { DetailsAnswer, DetailsQuery } from '../../common/assessment/api.ts';
import { FIGURE_SOURCE } from '../../common/assessment/lists.ts';
import { caseMonthItems } from '../cases/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { monthRequestItems } from '../hotline/index.ts';
import { monthRatingItems } from '../ratings/index.ts';
import { reachableScope } from './access.ts';
import { assessmentMonth } from './month.ts';

type Answer = Static<typeof DetailsAnswer>;

/**
 * The cases, ratings or 12345 requests behind one figure of a department or district in a month, a page
 * at a time; a scope outside the actor's region is a 404.
 */
export async function figureDetails(
  db: DbOrTx,
  actor: Actor,
  query: Static<typeof DetailsQuery>,
  now = new Date(),
): Promise<Answer> {
  const scope = await reachableScope(db, actor, query.kind, query.scopeId);
  const period = assessmentMonth(query.month, now);
  const pageSize = query.pageSize ?? 20;
  const page = { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize };
  const where = query.kind === 'department' ? { departmentId: scope.id } : { regionPath: scope.path };
  const source = FIGURE_SOURCE[query.figure];
  const answer: Answer = {
    figure: query.figure,
    source,
    scopeName: scope.name,
    total: 0,
    cases: [],
    ratings: [],
    requests: [],
  };
  if (source === 'cases') {
    const which = query.figure === 'warnings' ? 'due' : 'concluded';
    const { items, total } = await caseMonthItems(db, { ...period, ...where, which, ...page });
    return { ...answer, cases: items, total };
  }
  if (source === 'ratings') {
    const badOnly = query.figure === 'badRectifiedInTime';
    const { items, total } = await monthRatingItems(db, { month: query.month, ...where, badOnly, ...page });
    return { ...answer, ratings: items, total };
  }
  const { items, total } = await monthRequestItems(db, { month: query.month, ...where, ...page });
  return { ...answer, requests: items, total };
}
