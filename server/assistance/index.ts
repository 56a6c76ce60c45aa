/**
 * Help requests (请帮我办): a person asks a hall for help from the portal or a kiosk; a hall agent
 * takes the request and helps them apply. The front door of the module.
 */
export { assistanceRoutes } from './routes.ts';
export { helpRequests } from './tables.ts';
