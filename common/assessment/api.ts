import { Type } from 'typebox';
import { DateTime, Nullable } from '../api.ts';
import { ASSESSMENT_FIGURES, ASSESSMENT_KINDS, DETAIL_SOURCES, MONTH_PATTERN } from './lists.ts';

/**
 * The API shapes of the monthly assessment (电子监察 ranking): the ranking of a region's departments
 * or a city's districts read from the stored scores, its Excel export, a recompute, and the cases,
 * ratings and 12345 requests behind a figure. The lists with their labels are in lists.ts.
 */

export * from './lists.ts';

const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });
const Kind = Type.Enum(ASSESSMENT_KINDS);
const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });
const Figure = Type.Enum(ASSESSMENT_FIGURES);

/** GET /api/assessment/ranking and /api/assessment/ranking.xlsx */
export const RankingQuery = Type.Object(
  {
    month: Month,
    kind: Kind,
    /** The ranking region: the region whose departments, or the city whose districts; default the caller's own. */
    region: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);

/** One figure of a score: a share in [0, 1], more is better, with what it was counted from. */
export const FigureValue = Type.Object({
  value: Type.Number(),
  numerator: Type.Number(),
  denominator: Type.Number(),
  weight: Type.Number(),
  /** Nothing to count (denominator 0): full marks, shown with the figure's `empty` label. */
  empty: Type.Boolean(),
  /** satisfaction: the rate without default ratings (null without other ratings). */
  withoutDefaults: Type.Optional(Nullable(Type.Number())),
  /** visits: the average visits of the cases concluded in the month (null without cases). */
  averageVisits: Type.Optional(Nullable(Type.Number())),
});

export const Figures = Type.Object(
  Object.fromEntries(ASSESSMENT_FIGURES.map((f) => [f, FigureValue])) as Record<
    (typeof ASSESSMENT_FIGURES)[number],
    typeof FigureValue
  >,
);

export const RankingRow = Type.Object({
  /** An organisation id (departments) or a region code (districts). */
  scopeId: Type.String(),
  name: Type.String(),
  rank: Type.Integer(),
  rankedOf: Type.Integer(),
  /** 0…100, two decimals. */
  score: Type.Number(),
  figures: Figures,
  /** Ranked last this month and the month before (连续两月末位). */
  flagged: Type.Boolean(),
  previousRank: Nullable(Type.Integer()),
});

export const RankingAnswer = Type.Object({
  month: Type.String(),
  kind: Kind,
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  /** The ranking region's weights (those the stored scores used, or the current ones before any compute). */
  weights: Type.Record(Type.String(), Type.Number()),
  /** When the month's scores were computed; null when they never were. */
  computedAt: Nullable(DateTime),
  /** The month had ended when it was computed; false: 本月截至 computedAt. */
  complete: Type.Boolean(),
  /** Ranked scopes by rank (ties share a rank). */
  rows: Type.Array(RankingRow),
  /** Scopes without cases, ratings and requests in the month (无业务), not ranked. */
  idle: Type.Array(Type.Object({ scopeId: Type.String(), name: Type.String() })),
});

/** POST /api/assessment/compute: recomputes the month for the rankings within the region. */
export const ComputeBody = Type.Object({ month: Month, region: RegionCode }, { additionalProperties: false });
export const ComputeAnswer = Type.Object({
  month: Type.String(),
  region: Type.String(),
  /** Scores written (ranked and idle). */
  scores: Type.Integer(),
  computedAt: DateTime,
});

/** GET /api/assessment/details: the items behind one figure of one scope, paged. */
export const DetailsQuery = Type.Object(
  {
    month: Month,
    kind: Kind,
    scopeId: Type.String({ minLength: 1, maxLength: 40 }),
    figure: Figure,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const DetailCase = Type.Object({
  caseId: Type.String(),
  caseNo: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  status: Type.String(),
  concludedAt: Nullable(DateTime),
  promisedDeadline: Nullable(Type.String()),
  /** Concluded by the promised deadline; null while open. */
  onTime: Nullable(Type.Boolean()),
  visits: Type.Integer(),
  /** none | yellow | red */
  warning: Type.String(),
  /** Went red: marked red, concluded late, or open past the deadline. */
  wentRed: Type.Boolean(),
});

export const DetailRating = Type.Object({
  ratingId: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  matterName: Type.String(),
  level: Type.Integer(),
  /** accepted | concluded */
  stage: Type.String(),
  channel: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: DateTime,
  /** open | contacted | rectified; null without a revisit (not a 差评). */
  revisitStatus: Nullable(Type.String()),
  rectifyDue: Nullable(Type.String()),
  rectifiedAt: Nullable(DateTime),
  /** Rectified by the due day; null when not a 差评. */
  rectifiedInTime: Nullable(Type.Boolean()),
});

export const DetailRequest = Type.Object({
  requestId: Type.String(),
  requestNo: Type.String(),
  /** consult | help | suggestion | complaint | report */
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  dueDate: Type.String(),
  closedAt: Nullable(DateTime),
  /** Closed by the due day; false when past due and open; null while open and not due. */
  onTime: Nullable(Type.Boolean()),
});

/** Only the list of the figure's source is filled; the others are empty. */
export const DetailsAnswer = Type.Object({
  figure: Figure,
  source: Type.Enum(DETAIL_SOURCES),
  scopeName: Type.String(),
  total: Type.Integer(),
  cases: Type.Array(DetailCase),
  ratings: Type.Array(DetailRating),
  requests: Type.Array(DetailRequest),
});
