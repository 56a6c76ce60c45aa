/**
 * 好差评: ratings of cases at acceptance and conclusion from every channel, defaults, the revisit
 * tasks a 差评 creates, and the monthly figures kept with them. The front door of the module.
 */
export { ratingLinks, ratingMonthly, ratingRevisits, ratings } from './tables.ts';
