/**
 * The figures of the statistics page and the big screen: what each shows, its unit, how it is
 * computed (zh and en), where it comes from, and which catalogue promise stands beside it. Plain
 * values without TypeBox, so the web app imports them as they are.
 */

/** share: 0..1 shown as a percentage; count: a number of cases; days / visits / minutes: an average. */
export type FigureUnit = 'share' | 'count' | 'days' | 'visits' | 'minutes';

/**
 * Where a figure is read: the daily case rollups (case_daily; the cases themselves when a hall or a
 * matter is chosen), the open cases now, the monthly rating and 12345 aggregates, or the hall tickets.
 */
export type FigureSource = 'cases' | 'open_cases' | 'ratings' | 'hotline' | 'tickets';

export type FigureDefinition = {
  zh: string;
  en: string;
  unit: FigureUnit;
  source: FigureSource;
  /** How it is computed, shown in the page's 计算方法. */
  formulaZh: string;
  formulaEn: string;
  /** The catalogue figure (promised) shown beside it, when there is one. */
  promise?: PromiseKey;
  /** Higher is better (for the arrow against the previous period); false when lower is better. */
  higherIsBetter: boolean;
};

/** The promised figures of the catalogue (over the published matters in scope). */
export const PROMISE_KEYS = [
  'immediateShare',
  'compressionWorking',
  'compressionNatural',
  'atMostOnceShare',
  'zeroVisitShare',
  'fullyOnlineShare',
  'onlineAvailableShare',
  'averageVisits',
  'averagePromisedDays',
] as const;
export type PromiseKey = (typeof PROMISE_KEYS)[number];

export const PROMISE_LABELS: Record<
  PromiseKey,
  { zh: string; en: string; formulaZh: string; formulaEn: string }
> = {
  immediateShare: {
    zh: '即办件占比（承诺）',
    en: 'Immediate matters (promised)',
    formulaZh: '办件类型为即办件的事项数 ÷ 事项数',
    formulaEn: 'Matters of the immediate type ÷ matters',
  },
  compressionWorking: {
    zh: '承诺时限压缩率（工作日）',
    en: 'Time limit compression (working days)',
    formulaZh: 'Σ(法定时限 − 承诺时限) ÷ Σ法定时限，仅计时限以工作日计且法定时限大于0的事项',
    formulaEn: 'Σ(legal − promised) ÷ Σ legal over matters with limits in working days and a legal limit',
  },
  compressionNatural: {
    zh: '承诺时限压缩率（自然日）',
    en: 'Time limit compression (natural days)',
    formulaZh: 'Σ(法定时限 − 承诺时限) ÷ Σ法定时限，仅计时限以自然日计且法定时限大于0的事项',
    formulaEn: 'Σ(legal − promised) ÷ Σ legal over matters with limits in natural days and a legal limit',
  },
  atMostOnceShare: {
    zh: '最多跑一次事项占比',
    en: 'At-most-one-visit matters',
    formulaZh: '实现方式为全程网办、最多跑一次或即办的事项数 ÷ 事项数',
    formulaEn: 'Matters realised fully online, at most once or on the spot ÷ matters',
  },
  zeroVisitShare: {
    zh: '零跑腿事项占比',
    en: 'Zero-visit matters',
    formulaZh: '到现场次数为0的事项数 ÷ 事项数',
    formulaEn: 'Matters requiring no visit ÷ matters',
  },
  fullyOnlineShare: {
    zh: '全程网办事项占比',
    en: 'Fully online matters',
    formulaZh: '实现方式为全程网办的事项数 ÷ 事项数',
    formulaEn: 'Matters realised fully online ÷ matters',
  },
  onlineAvailableShare: {
    zh: '网上可办率',
    en: 'Available online',
    formulaZh: '可网上申报的事项数 ÷ 事项数',
    formulaEn: 'Matters that can be applied for online ÷ matters',
  },
  averageVisits: {
    zh: '承诺到现场次数（平均）',
    en: 'Visits required (average)',
    formulaZh: 'Σ到现场次数 ÷ 事项数',
    formulaEn: 'Σ visits required ÷ matters',
  },
  averagePromisedDays: {
    zh: '平均承诺时限（工作日）',
    en: 'Average promised limit (working days)',
    formulaZh: 'Σ承诺时限 ÷ 事项数，仅计时限以工作日计的事项',
    formulaEn: 'Σ promised limit ÷ matters, over matters with limits in working days',
  },
};

/** Figures whose cases can be listed (the drill-down and its Excel): the case figures. */
export const LISTABLE_FIGURES = [
  'received',
  'receivedOnline',
  'receivedCounter',
  'receivedKiosk',
  'receivedAgent',
  'accepted',
  'concluded',
  'immediateShare',
  'onTimeRate',
  'concludedLate',
  'overdueOpen',
  'averageWorkingDays',
  'p90WorkingDays',
  'actualCompression',
  'averageVisits',
  'atMostOneVisitShare',
  'zeroVisitShare',
  'fullyOnlineShare',
  'materialReduction',
  'prefillRate',
  'gapsShare',
  'promiseShare',
  'firstTimeSuccess',
] as const;
export type ListableFigure = (typeof LISTABLE_FIGURES)[number];

/** Every figure: the case figures, then those of ratings, 12345 and the halls' tickets. */
export const FIGURE_KEYS = [
  ...LISTABLE_FIGURES,
  'satisfaction',
  'badRectified',
  'hotlineOnTime',
  'averageWaitMinutes',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURES: Record<FigureKey, FigureDefinition> = {
  received: {
    zh: '收件数',
    en: 'Received',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内提交的办件数（草稿不计；未提交的按创建日）',
    formulaEn: 'Cases filed in the period (drafts left out)',
    higherIsBetter: true,
  },
  receivedOnline: {
    zh: '网上申报',
    en: 'Online',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内网上申报的收件数',
    formulaEn: 'Cases filed online in the period',
    higherIsBetter: true,
  },
  receivedCounter: {
    zh: '窗口收件',
    en: 'At a counter',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内窗口收件数',
    formulaEn: 'Cases received at a counter in the period',
    higherIsBetter: true,
  },
  receivedKiosk: {
    zh: '自助终端',
    en: 'Kiosk',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内自助终端收件数',
    formulaEn: 'Cases filed at a kiosk in the period',
    higherIsBetter: true,
  },
  receivedAgent: {
    zh: '帮办代办',
    en: 'Through an agent',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内帮办代办收件数',
    formulaEn: 'Cases filed through an agent in the period',
    higherIsBetter: true,
  },
  accepted: {
    zh: '受理数',
    en: 'Accepted',
    unit: 'count',
    source: 'cases',
    formulaZh: '受理日在期间内的办件数',
    formulaEn: 'Cases accepted in the period',
    higherIsBetter: true,
  },
  concluded: {
    zh: '办结数',
    en: 'Concluded',
    unit: 'count',
    source: 'cases',
    formulaZh: '办结日在期间内的办件数',
    formulaEn: 'Cases concluded in the period',
    higherIsBetter: true,
  },
  immediateShare: {
    zh: '即办件占比',
    en: 'Immediate cases',
    unit: 'share',
    source: 'cases',
    formulaZh: '期间内办结的即办件数 ÷ 办结数',
    formulaEn: 'Immediate cases concluded ÷ cases concluded in the period',
    promise: 'immediateShare',
    higherIsBetter: true,
  },
  onTimeRate: {
    zh: '按时办结率',
    en: 'Concluded on time',
    unit: 'share',
    source: 'cases',
    formulaZh: '办结日不晚于承诺期限的办结数 ÷ 办结数（无承诺期限的视为按时）',
    formulaEn: 'Cases concluded on or before the promised deadline ÷ cases concluded',
    higherIsBetter: true,
  },
  concludedLate: {
    zh: '超期办结',
    en: 'Concluded late',
    unit: 'count',
    source: 'cases',
    formulaZh: '期间内办结日晚于承诺期限的办件数',
    formulaEn: 'Cases concluded after the promised deadline in the period',
    higherIsBetter: false,
  },
  overdueOpen: {
    zh: '超期未办结',
    en: 'Overdue and open',
    unit: 'count',
    source: 'open_cases',
    formulaZh: '期末仍未办结且已过承诺期限的办件数（期末在今天之后的按今天）',
    formulaEn: 'Cases still open at the end of the period (or today) past their promised deadline',
    higherIsBetter: false,
  },
  averageWorkingDays: {
    zh: '平均办理用时（工作日）',
    en: 'Average working days used',
    unit: 'days',
    source: 'cases',
    formulaZh: 'Σ实际用时 ÷ 办结数，仅计时限以工作日计的办结办件，扣除特别程序；旁列平均承诺时限',
    formulaEn:
      'Σ working days used ÷ cases, over concluded cases of working-day matters, suspensions excluded',
    promise: 'averagePromisedDays',
    higherIsBetter: false,
  },
  p90WorkingDays: {
    zh: '90%办件用时不超过（工作日）',
    en: 'p90 working days used',
    unit: 'days',
    source: 'cases',
    formulaZh: '时限以工作日计的办结办件中，90%的办件用时不超过的工作日数',
    formulaEn: 'The working days within which 90 % of the concluded working-day cases were done',
    promise: 'averagePromisedDays',
    higherIsBetter: false,
  },
  actualCompression: {
    zh: '实际时限压缩率',
    en: 'Actual compression',
    unit: 'share',
    source: 'cases',
    formulaZh: 'Σ(法定时限 − 实际用时) ÷ Σ法定时限，仅计时限以工作日计的办结办件；旁列承诺时限压缩率',
    formulaEn: 'Σ(legal − used) ÷ Σ legal over concluded cases of working-day matters',
    promise: 'compressionWorking',
    higherIsBetter: true,
  },
  averageVisits: {
    zh: '平均跑动次数',
    en: 'Average visits',
    unit: 'visits',
    source: 'cases',
    formulaZh: 'Σ办结办件的跑动次数 ÷ 办结数',
    formulaEn: 'Σ visits of the concluded cases ÷ cases concluded',
    promise: 'averageVisits',
    higherIsBetter: false,
  },
  atMostOneVisitShare: {
    zh: '最多跑一次率',
    en: 'At most one visit',
    unit: 'share',
    source: 'cases',
    formulaZh: '跑动不超过1次的办结数 ÷ 办结数',
    formulaEn: 'Cases concluded with at most one visit ÷ cases concluded',
    promise: 'atMostOnceShare',
    higherIsBetter: true,
  },
  zeroVisitShare: {
    zh: '零跑腿率',
    en: 'No visit',
    unit: 'share',
    source: 'cases',
    formulaZh: '未跑动即办结的办件数 ÷ 办结数',
    formulaEn: 'Cases concluded without a visit ÷ cases concluded',
    promise: 'zeroVisitShare',
    higherIsBetter: true,
  },
  fullyOnlineShare: {
    zh: '全程网办率',
    en: 'Fully online',
    unit: 'share',
    source: 'cases',
    formulaZh: '网上申报且未跑动即办结的办件数 ÷ 办结数',
    formulaEn: 'Cases filed online and concluded without a visit ÷ cases concluded',
    promise: 'fullyOnlineShare',
    higherIsBetter: true,
  },
  materialReduction: {
    zh: '材料减免率',
    en: 'Materials spared',
    unit: 'share',
    source: 'cases',
    formulaZh: '期间内收件中免于提交的材料数 ÷ (免于提交 + 申请人提交的材料数)',
    formulaEn: 'Materials taken from data ÷ (taken from data + uploaded), over the cases received',
    higherIsBetter: true,
  },
  prefillRate: {
    zh: '申请表预填率',
    en: 'Form prefill rate',
    unit: 'share',
    source: 'cases',
    formulaZh: '期间内收件申请表中由数据预填的字段数 ÷ 已填写字段数',
    formulaEn: 'Form fields prefilled from data ÷ fields filled, over the cases received',
    higherIsBetter: true,
  },
  gapsShare: {
    zh: '容缺受理占比',
    en: 'Accepted with gaps',
    unit: 'share',
    source: 'cases',
    formulaZh: '容缺受理的办件数 ÷ 受理数',
    formulaEn: 'Cases accepted with gaps ÷ cases accepted',
    higherIsBetter: true,
  },
  promiseShare: {
    zh: '告知承诺占比',
    en: 'Approved on promise',
    unit: 'share',
    source: 'cases',
    formulaZh: '以告知承诺方式受理的办件数 ÷ 受理数',
    formulaEn: 'Cases accepted on a signed promise ÷ cases accepted',
    higherIsBetter: true,
  },
  firstTimeSuccess: {
    zh: '一次办成率',
    en: 'Right the first time',
    unit: 'share',
    source: 'cases',
    formulaZh: '未经补正即办结的办件数 ÷ 办结数（补正率 = 1 − 一次办成率）',
    formulaEn: 'Cases concluded without a supplement notice ÷ cases concluded',
    higherIsBetter: true,
  },
  satisfaction: {
    zh: '满意率',
    en: 'Satisfaction',
    unit: 'share',
    source: 'ratings',
    formulaZh: '期间所含月份的满意及以上评价数 ÷ 评价数（含默认好评）',
    formulaEn: 'Ratings satisfied or better ÷ ratings, over the months of the period (defaults counted)',
    higherIsBetter: true,
  },
  badRectified: {
    zh: '差评整改率',
    en: 'Bad ratings rectified',
    unit: 'share',
    source: 'ratings',
    formulaZh: '已整改的差评数 ÷ 差评数（期间所含月份）',
    formulaEn: 'Bad ratings rectified ÷ bad ratings, over the months of the period',
    higherIsBetter: true,
  },
  hotlineOnTime: {
    zh: '12345按时办结率',
    en: '12345 on time',
    unit: 'share',
    source: 'hotline',
    formulaZh: '按时办结的工单数 ÷ (办结 + 超期未办结)，期间所含月份',
    formulaEn: 'Requests closed on time ÷ (closed + overdue and open), over the months of the period',
    higherIsBetter: true,
  },
  averageWaitMinutes: {
    zh: '平均等候时间（分钟）',
    en: 'Average wait (minutes)',
    unit: 'minutes',
    source: 'tickets',
    formulaZh: '期间内已叫号的取号从取号到首次叫号的分钟数之和 ÷ 叫号数',
    formulaEn: 'Minutes from taking a ticket to its first call ÷ tickets called, in the period',
    higherIsBetter: false,
  },
};
