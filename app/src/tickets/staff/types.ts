import type { Wire } from '../../../../common/api.ts';
import type * as Api from '../../../../common/tickets/window-api.ts';

/** The calling panel's shapes as the app receives them (common/tickets/window-api.ts). */
export type StaffWindow = Wire<typeof Api.StaffWindow>;
export type WindowState = Wire<typeof Api.WindowState>;
export type WindowTicket = Wire<typeof Api.WindowTicket>;
export type TicketPerson = Wire<typeof Api.TicketPersonFull>;
