/**
 * Organisations, their halls and service windows.
 * The front door of the module: other modules import only from here.
 */
export { hallRoutes } from './hall-routes.ts';
export { createHall, findHall, getHall, type Hall, type HallInput, hallScope, listHalls } from './halls.ts';
export { organisationRoutes } from './routes.ts';
export {
  createOrganisation,
  findOrganisation,
  listOrganisations,
  type Organisation,
  type OrganisationInput,
  type OrganisationRow,
  type OrganisationScope,
  organisationIdsUnder,
  organisationNameOf,
  organisationScope,
} from './service.ts';
export { listStationHalls, type StationHall } from './stations.ts';
export { organisations, windows } from './tables.ts';
export { createWindow, listWindows, type ServiceWindow, type WindowInput } from './windows.ts';
