import dayjs from 'dayjs';

/** The quick choices of the period; `custom` is any other range. */
export const PRESETS = ['lastMonth', 'thisMonth', 'last30Days', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];
export type PeriodChoice = Preset | 'custom';

export type Period = { from: string; to: string };

const DAY = 'YYYY-MM-DD';

/** Today's date in China (UTC+8), YYYY-MM-DD. */
export const todayInChina = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The days a preset covers, as of today in China. */
export function presetPeriod(preset: Preset, today = todayInChina()): Period {
  const day = dayjs(today);
  switch (preset) {
    case 'lastMonth': {
      const month = day.subtract(1, 'month');
      return { from: month.startOf('month').format(DAY), to: month.endOf('month').format(DAY) };
    }
    case 'thisMonth':
      return { from: day.startOf('month').format(DAY), to: today };
    case 'last30Days':
      return { from: day.subtract(29, 'day').format(DAY), to: today };
    case 'thisYear':
      return { from: day.startOf('year').format(DAY), to: today };
  }
}

/** The preset a period is, or custom. */
export function choiceOf(period: Period, today = todayInChina()): PeriodChoice {
  return (
    PRESETS.find((p) => {
      const other = presetPeriod(p, today);
      return other.from === period.from && other.to === period.to;
    }) ?? 'custom'
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period the address names (both days, in order), else last month. */
export function periodFrom(from: string | null, to: string | null): Period {
  if (from && to && ISO_DAY.test(from) && ISO_DAY.test(to) && dayjs(from).isValid() && dayjs(to).isValid()) {
    return from <= to ? { from, to } : { from: to, to: from };
  }
  return presetPeriod('lastMonth');
}

/** The longest period the API answers, in days. */
export const MAX_DAYS = 366;
