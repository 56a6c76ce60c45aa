import { type FigureKey, LISTABLE_FIGURES, type ListableFigure } from '../../../common/statistics/figures.ts';

/** The cards of the page, in groups; every figure has its place in one of them. */
export const FIGURE_GROUPS = [
  {
    key: 'intake',
    figures: [
      'received',
      'receivedOnline',
      'receivedCounter',
      'receivedKiosk',
      'receivedAgent',
      'accepted',
      'concluded',
      'immediateShare',
    ],
  },
  {
    key: 'timeliness',
    figures: [
      'onTimeRate',
      'concludedLate',
      'overdueOpen',
      'averageWorkingDays',
      'p90WorkingDays',
      'actualCompression',
    ],
  },
  {
    key: 'visits',
    figures: ['averageVisits', 'atMostOneVisitShare', 'zeroVisitShare', 'fullyOnlineShare'],
  },
  {
    key: 'materials',
    figures: ['materialReduction', 'prefillRate', 'gapsShare', 'promiseShare', 'firstTimeSuccess'],
  },
  {
    key: 'ratings',
    figures: ['satisfaction', 'badRectified', 'hotlineOnTime', 'averageWaitMinutes'],
  },
] as const satisfies readonly { key: string; figures: readonly FigureKey[] }[];

type Placed = (typeof FIGURE_GROUPS)[number]['figures'][number];
/** Fails to compile when a figure of common/statistics/figures.ts has no card. */
const everyFigurePlaced: Record<Exclude<FigureKey, Placed>, never> = {};
void everyFigurePlaced;

export const isListable = (key: FigureKey): key is ListableFigure =>
  (LISTABLE_FIGURES as readonly FigureKey[]).includes(key);

/** Figures whose listed cases are all of their part (nothing to narrow). */
const WHOLE: readonly ListableFigure[] = ['received', 'accepted', 'concluded', 'overdueOpen'];
/** Averages: their part is the cases above them, listed among all at first. */
const AVERAGES: readonly ListableFigure[] = [
  'averageWorkingDays',
  'p90WorkingDays',
  'averageVisits',
  'actualCompression',
];

/** Whether the cases of a figure can be narrowed to its part (the late ones of 按时办结率 …). */
export const hasPart = (key: ListableFigure): boolean => !WHOLE.includes(key);

/** Whether the drawer shows only the part at first: for the shares and the counts among all cases. */
export const partFirst = (key: ListableFigure): boolean => hasPart(key) && !AVERAGES.includes(key);

/** Whether the part is what went wrong (late, slow, more visits), marked red. */
export const partIsBad = (key: ListableFigure): boolean =>
  key === 'onTimeRate' || key === 'concludedLate' || AVERAGES.includes(key);
