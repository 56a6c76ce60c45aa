import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/appointments/api.ts';

/** The staff shapes of the appointments API (common/appointments/api.ts). */

export type HallSetup = Wire<typeof Api.HallSetup>;
export type AppointmentSettings = Wire<typeof Api.AppointmentSettings>;
export type AppointmentCategory = Wire<typeof Api.AppointmentCategory>;
export type CategoryBody = Wire<typeof Api.CategoryBody>;
