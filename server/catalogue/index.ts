/**
 * The matter catalogue: matters, their implementations and published versions (guides), search, Excel import and export.
 * The front door of the module: other modules import only from here.
 */

export { XLSX_TYPE } from './excel/workbook.ts';
export { catalogueExcelRoutes } from './excel-routes.ts';
export {
  filedDocument,
  filingTarget,
  getPublishedGuide,
  getVersionDocument,
  type PublishedGuide,
  versionNameOf,
  versionNames,
} from './guides.ts';
export { type HallMatters, mattersAtHalls } from './hall-matters.ts';
export { type ImportItem, importImplementations } from './import.ts';
export { cataloguePublicRoutes } from './public-routes.ts';
export { catalogueRoutes } from './routes.ts';
export { listMatters, searchMatters } from './search/matters.ts';
export { seedSynonyms } from './search/synonyms.ts';
export { addSearchCounts } from './search/terms.ts';
export { type CatalogueSums, catalogueSums, type PromiseScope } from './statistics.ts';
export { implementations, implementationVersions } from './tables.ts';
export { catalogueVersionRoutes } from './version-routes.ts';
export { retireImplementation } from './versions.ts';
