/**
 * 政务服务体验官: citizens apply and are approved, receive tasks and report findings (找茬), which
 * are assigned to departments, rectified, confirmed and published. The front door of the module.
 */

export { inspectorRoutes } from './routes.ts';
export { inspectorFindingEvents, inspectorFindings, inspectors, inspectorTasks } from './tables.ts';
export { refreshFindingWarnings } from './warnings.ts';
