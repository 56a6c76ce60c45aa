/**
 * Cases (办件): filing, the named actions of the state machine, the case page, warnings and credit
 * records. The front door of the module: other modules import only from here.
 */
export { type Application, submitApplication } from './application.ts';
export { type PrefillStatistics, prefillStatistics } from './form-statistics.ts';
export { mostAppliedAtHall } from './hall-demand.ts';
export {
  type CaseMonth,
  type CaseMonthCounts,
  type CaseMonthItem,
  caseMonthCounts,
  caseMonthItems,
} from './month-figures.ts';
export type { CasePage } from './page.ts';
export { caseSight, openCase } from './queries.ts';
export { heldResult } from './result-hold.ts';
export { caseRoutes } from './routes.ts';
export type { CaseRow } from './rows.ts';
export { caseAttachments, caseEvents, cases, creditRecords, QUEUE_STATUSES } from './tables.ts';
export { type RequestOrigin, type TransitionOptions, transitionCase } from './transition.ts';
export { refreshWarnings, type WarningCounts, type WarningLevel } from './warnings.ts';
