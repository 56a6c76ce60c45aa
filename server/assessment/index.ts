/**
 * The monthly assessment (电子监察 ranking): each department and district scored by its region's
 * formula, ranked, flagged when last two months running; the items behind each figure. The front door
 * of the module.
 */
export { computeAssessment } from './compute.ts';
export { assessmentRoutes } from './routes.ts';
export { refreshAssessment } from './schedule.ts';
export { assessmentScores } from './tables.ts';
