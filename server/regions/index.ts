/**
 * Administrative regions (行政区划) and region paths.
 * The front door of the module: other modules import only from here.
 */
export { type NamedRegion, regionsNamedIn } from './named-in.ts';
export { regionRoutes } from './routes.ts';
export {
  findRegion,
  inRegionSubtree,
  listRegions,
  loadRegions,
  type Region,
  regionFullNames,
  regionNameOf,
  regionNames,
  regionPath,
  regionPathOf,
  requireRegion,
} from './service.ts';
export { regions } from './tables.ts';
