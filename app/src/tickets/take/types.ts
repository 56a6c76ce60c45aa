import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/tickets/api.ts';

/** The ticket API's shapes as the app receives and sends them (common/tickets/api.ts). */
export type Ticket = Wire<typeof Api.Ticket>;
export type MyTicket = Wire<typeof Api.MyTicket>;
export type TicketCategory = Wire<typeof Api.TicketCategory>;
export type CheckInBooking = Wire<typeof Api.CheckInBooking>;
export type TakeTicketBody = Wire<typeof Api.TakeTicketBody>;
