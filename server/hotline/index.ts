/**
 * 12345 requests (工单): taken by operators, answered at once from the knowledge base or dispatched
 * to departments, replied, called back. The front door of the module.
 */

export { monthRequestItems, type RequestMonthItem } from './month-items.ts';
export {
  type HotlineCounts,
  type HotlineScopeKind,
  monthlyHotlineCounts,
} from './monthly.ts';
export { rebuildHotlineMonthly } from './rebuild.ts';
export { hotlineRoutes } from './routes.ts';
export { faqEntries, hotlineAssignments, hotlineEvents, hotlineRequests } from './tables.ts';
export { refreshHotlineWarnings } from './warnings.ts';
