import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/appointments/api.ts';

/** The appointments API's shapes as the app receives and sends them (common/appointments/api.ts). */

export type AppointmentHall = Wire<typeof Api.AppointmentHall>;
export type BookableDay = Wire<typeof Api.BookableDay>;
export type SlotList = Wire<typeof Api.SlotList>;
export type Appointment = Wire<typeof Api.Appointment>;
export type MyAppointments = Wire<typeof Api.MyAppointments>;
export type BookBody = Wire<typeof Api.BookBody>;
export type MatterBookingHall = Wire<typeof Api.MatterBookingHall>;
