import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/catalogue/api.ts';

/** The public catalogue API's shapes as the app receives them (common/catalogue/api.ts). */

export type MatterSummary = Wire<typeof Api.MatterSummary>;
export type MatterPlace = Wire<typeof Api.MatterPlace>;
export type HotSearches = Wire<typeof Api.HotSearches>;
export type MatterPage = Wire<typeof Api.MatterPage>;
export type Guide = Wire<typeof Api.Guide>;
export type Figures = Wire<typeof Api.Figures>;
export type Statistics = Wire<typeof Api.Statistics>;
export type ThemeCount = Wire<typeof Api.ThemeCount>;

/** The filters of the public lists, as they appear in the page address. */
export type MatterFilters = {
  q?: string;
  region?: string;
  departmentId?: string;
  theme?: string;
  mode?: string;
  object?: string;
};
