import { useTranslation } from 'react-i18next';
import {
  FIGURES,
  type FigureKey,
  type FigureUnit,
  PROMISE_LABELS,
  type PromiseKey,
} from '../../../common/statistics/figures.ts';

/** A share in [0, 1] as a percentage with one decimal. */
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count with thousands separators. */
export const count = (value: number): string => integer.format(value);

/** Shows values in the UI's language: shares as %, counts whole, averages with one decimal and their unit. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const value = (unit: FigureUnit, v: number | null | undefined): string => {
    if (v === null || v === undefined) return '—';
    switch (unit) {
      case 'share':
        return percent(v);
      case 'count':
        return count(v);
      default:
        return t(`statistics.unit.${unit}`, { value: v.toFixed(1) });
    }
  };
  /** n / d in small text: what a share or average was counted from. */
  const fraction = (numerator: number, denominator: number) =>
    t('statistics.fraction', { numerator: count(numerator), denominator: count(denominator) });
  const figureName = (key: FigureKey) => (en ? FIGURES[key].en : FIGURES[key].zh);
  const figureFormula = (key: FigureKey) => (en ? FIGURES[key].formulaEn : FIGURES[key].formulaZh);
  const promiseName = (key: PromiseKey) => (en ? PROMISE_LABELS[key].en : PROMISE_LABELS[key].zh);
  const promiseFormula = (key: PromiseKey) =>
    en ? PROMISE_LABELS[key].formulaEn : PROMISE_LABELS[key].formulaZh;
  return { value, fraction, figureName, figureFormula, promiseName, promiseFormula };
}

/** The unit of a catalogue promise. */
export const promiseUnit = (key: PromiseKey): FigureUnit =>
  key === 'averageVisits' ? 'visits' : key === 'averagePromisedDays' ? 'days' : 'share';

/** Whether a figure went better, worse or stayed the same against the previous period. */
export function trend(
  key: FigureKey,
  current: number | null,
  previous: number | null,
): 'better' | 'worse' | 'same' | null {
  if (current === null || previous === null) return null;
  if (Math.abs(current - previous) < 1e-9) return 'same';
  const up = current > previous;
  return up === FIGURES[key].higherIsBetter ? 'better' : 'worse';
}
