import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/statistics/api.ts';

/** The big screen's answer as the app receives it (common/statistics/api.ts). */
export type ScreenAnswer = Wire<typeof Api.ScreenAnswer>;
export type ScreenDistrict = Wire<typeof Api.ScreenDistrict>;
export type ScreenRankRow = Wire<typeof Api.ScreenRankRow>;
export type ScreenDay = Wire<typeof Api.DayPoint>;
