/**
 * 好差评: ratings of cases at acceptance and conclusion from every channel, defaults, the revisit
 * tasks a 差评 creates, and the monthly figures kept with them. The front door of the module.
 */
export { recordDefaultRatings } from './defaults.ts';
export { DUE_LINKS_BATCH, sendDueLinks } from './due-links.ts';
export { issueLink } from './links.ts';
export {
  monthlyRatingCounts,
  monthRatingItems,
  type RatingMonthCounts,
  type RatingMonthItem,
} from './month-counts.ts';
export { rebuildRatingMonthly } from './rebuild.ts';
export { refreshRevisitWarnings } from './revisit-list.ts';
export { ratingRoutes } from './routes.ts';
export { ratingStaffRoutes } from './routes-staff.ts';
export { ratingLinks, ratingMonthly, ratingRevisits, ratings } from './tables.ts';
