/**
 * Statistics of what happened to cases, kept in daily rollups. The front door of the module.
 */
export { caseDaily, caseDailyDirty } from './tables.ts';
