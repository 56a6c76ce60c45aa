import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/stations/api.ts';

/** The stations API's shapes as the app receives them (common/stations/api.ts). */
export type Station = Wire<typeof Api.StationView>;
export type StationsAnswer = Wire<typeof Api.StationsAnswer>;
