/**
 * The population and legal-entity registries (人口库, 法人库) and importing them.
 * The front door of the module: other modules import only from here.
 */
export { registryRoutes } from './routes.ts';
export {
  type CompanyRecord,
  findCompany,
  findPerson,
  type PersonRecord,
  upsertCompanies,
  upsertPersons,
} from './service.ts';
