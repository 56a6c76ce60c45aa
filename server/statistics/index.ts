/**
 * Statistics of what happened to cases, kept in daily rollups. The front door of the module.
 */
export { CASE_DAILY_COUNTS, type CaseDailyGroup, recomputeSql, refreshGroups } from './recompute.ts';
export {
  CASE_DAILY_BATCH,
  CASE_DAILY_LOCK,
  rebuildCaseDaily,
  refreshCaseDaily,
  refreshCaseDailyBatch,
} from './refresh.ts';
export { statisticsRoutes } from './routes.ts';
export { screenRoutes } from './screen-routes.ts';
export { caseDaily, caseDailyDirty } from './tables.ts';
