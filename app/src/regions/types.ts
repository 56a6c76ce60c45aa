import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/regions/api.ts';

/** The regions API's shapes as the app receives them (common/regions/api.ts). */

export type Region = Wire<typeof Api.RegionView> & { hasChildren?: boolean };
export type RegionDetail = Wire<typeof Api.RegionDetail>;
