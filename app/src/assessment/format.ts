import dayjs from 'dayjs';

/** Today's month in China (UTC+8), YYYY-MM. */
export const currentMonth = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** The last month that has ended, YYYY-MM. */
export const lastCompleteMonth = (): string =>
  dayjs(`${currentMonth()}-01`).subtract(1, 'month').format('YYYY-MM');

/** A share in [0, 1] as a percentage with one decimal. */
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
