import { presentTicket } from './service.ts';

/** A ticket as the API gives it: without the account it belongs to. */
export const publicTicket = async (...args: Parameters<typeof presentTicket>) => {
  const { accountId: _, ...ticket } = await presentTicket(...args);
  return ticket;
};
