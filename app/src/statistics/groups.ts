import {
  FIGURES,
  type FigureKey,
  LISTABLE_FIGURES,
  type ListableFigure,
} from '../../../common/statistics/figures.ts';

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

/**
 * Whether the drawer of a figure can narrow its cases to the figure's part (the late ones of 按时办结率,
 * the immediate ones of 即办件占比 …): the shares counted over cases, shown narrowed at first.
 */
export const hasPart = (key: ListableFigure): boolean =>
  FIGURES[key].unit === 'share' && key !== 'actualCompression';
