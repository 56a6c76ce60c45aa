/**
 * 身边的政务服务站 (15 分钟政务服务圈): the halls near a person, by region, position or address.
 * The front door of the module: other modules import only from here.
 */
export { stationRoutes } from './routes.ts';
export { listStations } from './service.ts';
