import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable } from '../api.ts';
import { FIGURE_KEYS, LISTABLE_FIGURES, PROMISE_KEYS } from './figures.ts';

/**
 * The API shapes of the statistics of what happened to cases (数据统计) and of the big screen (大屏).
 * The figures with their labels and formulas are in figures.ts.
 */

export * from './figures.ts';

const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });

/**
 * GET /api/statistics/figures and /api/statistics/figures.xlsx: the figures of a region subtree
 * (default: the caller's own region), optionally one department, hall or matter (an implementation),
 * over a date range of China days (from ≤ to, at most 366 days; default: last month). The previous
 * period is the same number of days just before `from`.
 */
export const FiguresQuery = Type.Object(
  {
    region: Type.Optional(RegionCode),
    departmentId: Type.Optional(Id),
    hallId: Type.Optional(Id),
    implementationId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** One value of a figure, with what it was counted from; value null when there is nothing to count. */
export const FigureValue = Type.Object({
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Type.Number(),
});

export const Figure = Type.Object({
  key: Type.Enum(FIGURE_KEYS),
  current: FigureValue,
  previous: FigureValue,
  /** The catalogue's promise beside it (over the published matters in scope), when the figure has one. */
  promise: Type.Optional(Nullable(Type.Number())),
  /** False when the scope cannot be counted for this figure (e.g. 12345 or waiting time for one matter). */
  available: Type.Boolean(),
});

export const PromiseFigure = Type.Object({
  key: Type.Enum(PROMISE_KEYS),
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Type.Number(),
});

/** A row of the breakdowns: a child region or a department, with the main figures. */
export const BreakdownRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  received: Type.Integer(),
  concluded: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  concludedLate: Type.Integer(),
  averageVisits: Nullable(Type.Number()),
  atMostOneVisitShare: Nullable(Type.Number()),
  fullyOnlineShare: Nullable(Type.Number()),
  averageWorkingDays: Nullable(Type.Number()),
});

export const DayPoint = Type.Object({
  day: IsoDate,
  received: Type.Integer(),
  concluded: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
});

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const FiguresAnswer = Type.Object({
  scope: Type.Object({
    region: Type.Object({ code: Type.String(), name: Type.String() }),
    department: Nullable(Named),
    hall: Nullable(Named),
    matter: Nullable(Named),
  }),
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  previous: Type.Object({ from: IsoDate, to: IsoDate }),
  /** rollups: read from case_daily; cases: counted from the cases (a hall or a matter was chosen). */
  source: Type.Union([Type.Literal('rollups'), Type.Literal('cases')]),
  figures: Type.Array(Figure),
  promises: Type.Array(PromiseFigure),
  byRegion: Type.Array(BreakdownRow),
  byDepartment: Type.Array(BreakdownRow),
  days: Type.Array(DayPoint),
  /** When the rollups were last brought up to date (the oldest mark not yet recomputed, else now). */
  asOf: DateTime,
});

/** GET /api/statistics/cases and /api/statistics/cases.xlsx: the cases behind a figure, a page at a time. */
export const FigureCasesQuery = Type.Object(
  {
    figure: Type.Enum(LISTABLE_FIGURES),
    region: Type.Optional(RegionCode),
    departmentId: Type.Optional(Id),
    hallId: Type.Optional(Id),
    implementationId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    /** Only the cases the figure's numerator counts (e.g. the late ones of 按时办结率). */
    part: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const FigureCase = Type.Object({
  id: Id,
  caseNo: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  regionName: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  filedAt: Nullable(DateTime),
  acceptedOn: Nullable(IsoDate),
  promisedDeadline: Nullable(IsoDate),
  concludedAt: Nullable(DateTime),
  workingDaysUsed: Nullable(Type.Integer()),
  visits: Type.Integer(),
  /** In the figure's numerator (e.g. late for 按时办结率, reused materials for 材料减免率). */
  part: Type.Boolean(),
});

export const FigureCasesAnswer = Type.Object({
  figure: Type.Enum(LISTABLE_FIGURES),
  total: Type.Integer(),
  /** How many of the total are in the numerator. */
  partTotal: Type.Integer(),
  items: Type.Array(FigureCase),
});

/** GET /api/screen and /api/screen/stream (public): the big screen of a region (default: the city). */
export const ScreenQuery = Type.Object(
  { region: Type.Optional(RegionCode) },
  { additionalProperties: false },
);

export const ScreenRankRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  concluded: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
});

export const ScreenDistrict = Type.Object({
  code: Type.String(),
  name: Type.String(),
  received: Type.Integer(),
  concluded: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
});

export const ScreenAnswer = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  /** The China day the "today" figures are of. */
  day: IsoDate,
  today: Type.Object({
    received: Type.Integer(),
    concluded: Type.Integer(),
    onTimeRate: Nullable(Type.Number()),
  }),
  /** People waiting in the region's halls now (tickets taken and not yet called). */
  waiting: Type.Integer(),
  /** This month's satisfaction (defaults counted) and the ratings it is over. */
  satisfaction: Nullable(Type.Number()),
  ratings: Type.Integer(),
  /** This month so far. */
  month: Type.Object({
    received: Type.Integer(),
    concluded: Type.Integer(),
    onTimeRate: Nullable(Type.Number()),
    atMostOneVisitShare: Nullable(Type.Number()),
    fullyOnlineShare: Nullable(Type.Number()),
  }),
  /** The last 30 days, oldest first, today last. */
  days: Type.Array(DayPoint),
  /** The city's districts (or the region's children) for the map, by code. */
  districts: Type.Array(ScreenDistrict),
  /** Departments of the region by concluded cases this month, most first (top 10). */
  departments: Type.Array(ScreenRankRow),
  asOf: DateTime,
});
