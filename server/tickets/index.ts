/**
 * Tickets and calling (取号叫号) in halls: categories with their letters, the categories each window
 * serves, tickets taken at the kiosk, on a phone or at reception (a booking of today checks in),
 * calling, recall, skip, return, transfer, pause, done and no-show, each a timed event.
 * The front door of the module: other modules import only from here.
 */
export { ticketBoardRoutes } from './board-routes.ts';
export { counterTicket, type TicketTimes, ticketTimes } from './counter.ts';
export { publicTicket } from './present.ts';
export { ticketRoutes } from './routes.ts';
export { presentTicket } from './service.ts';
export {
  ticketCategories,
  ticketCounters,
  ticketEvents,
  tickets,
  ticketWindowCategories,
  ticketWindowPauses,
} from './tables.ts';
export { checkInBookings, takeTicket } from './take.ts';
export { type TicketWaits, ticketWaits } from './wait-figures.ts';
export { waitingInRegion } from './waiting.ts';
