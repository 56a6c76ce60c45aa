/**
 * System status: the health of the server and its database (GET /api/health).
 * The front door of the module: other modules import only from here.
 */
export { systemRoutes } from './routes.ts';
