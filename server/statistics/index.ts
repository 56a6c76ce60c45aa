/**
 * Statistics of what happened to cases, kept in daily rollups. The front door of the module.
 */
export { CASE_DAILY_COUNTS } from './recompute.ts';
export {
  CASE_DAILY_BATCH,
  CASE_DAILY_LOCK,
  type CaseDailyRefresh,
  rebuildCaseDaily,
  refreshCaseDaily,
  refreshCaseDailyBatch,
} from './refresh.ts';
export { statisticsRoutes } from './routes.ts';
export { screenRoutes } from './screen-routes.ts';
export { caseDaily, caseDailyChanges } from './tables.ts';
