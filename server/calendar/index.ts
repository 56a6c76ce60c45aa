/**
 * The working-day calendar: national holidays, local days, working deadlines.
 * The front door of the module: other modules import only from here.
 */
export { calendarCoverage, prepareCalendar } from './manage.ts';
export { calendarRoutes } from './routes.ts';
export { clockStart, isWorkingDay, todayInChina, workingDaysBetween, workingDeadline } from './service.ts';
