import type { ListableFigure } from './figures.ts';

/**
 * The cases behind each listable figure (GET /api/statistics/cases): which cases are listed (its
 * denominator's) and which of them `part` marks. For a count or a share `part` is its numerator,
 * except 按时办结率, whose part is the late cases; for an average it marks the cases above it. Plain
 * values without TypeBox, so the web app imports them as they are.
 */
export const FIGURE_PARTS: Record<ListableFigure, { listedZh: string; partZh: string; partEn: string }> = {
  received: { listedZh: '期间内收件', partZh: '收件', partEn: 'Received' },
  receivedOnline: { listedZh: '期间内收件', partZh: '网上申报', partEn: 'Filed online' },
  receivedCounter: { listedZh: '期间内收件', partZh: '窗口收件', partEn: 'At a counter' },
  receivedKiosk: { listedZh: '期间内收件', partZh: '自助终端', partEn: 'At a kiosk' },
  receivedAgent: { listedZh: '期间内收件', partZh: '帮办代办', partEn: 'Through an agent' },
  accepted: { listedZh: '期间内受理', partZh: '受理', partEn: 'Accepted' },
  concluded: { listedZh: '期间内办结', partZh: '办结', partEn: 'Concluded' },
  immediateShare: { listedZh: '期间内办结', partZh: '即办件', partEn: 'Immediate' },
  onTimeRate: { listedZh: '期间内办结', partZh: '超期办结', partEn: 'Concluded late' },
  concludedLate: { listedZh: '期间内办结', partZh: '超期办结', partEn: 'Concluded late' },
  overdueOpen: { listedZh: '超期未办结', partZh: '超期未办结', partEn: 'Overdue and open' },
  averageWorkingDays: {
    listedZh: '期间内办结、时限以工作日计',
    partZh: '用时超过承诺时限',
    partEn: 'Took longer than promised',
  },
  p90WorkingDays: {
    listedZh: '期间内办结、时限以工作日计',
    partZh: '用时超过90%分位',
    partEn: 'Slower than the 90th percentile',
  },
  actualCompression: {
    listedZh: '期间内办结、时限以工作日计',
    partZh: '用时未短于法定时限',
    partEn: 'Took the whole legal limit or more',
  },
  averageVisits: { listedZh: '期间内办结', partZh: '跑动超过1次', partEn: 'More than one visit' },
  atMostOneVisitShare: { listedZh: '期间内办结', partZh: '跑动不超过1次', partEn: 'At most one visit' },
  zeroVisitShare: { listedZh: '期间内办结', partZh: '零跑动', partEn: 'No visit' },
  fullyOnlineShare: { listedZh: '期间内办结', partZh: '全程网办', partEn: 'Fully online' },
  materialReduction: { listedZh: '期间内收件', partZh: '有免交材料', partEn: 'Materials spared' },
  prefillRate: { listedZh: '期间内收件', partZh: '有预填字段', partEn: 'Form prefilled' },
  gapsShare: { listedZh: '期间内受理', partZh: '容缺受理', partEn: 'Accepted with gaps' },
  promiseShare: { listedZh: '期间内受理', partZh: '告知承诺', partEn: 'On a signed promise' },
  firstTimeSuccess: { listedZh: '期间内办结', partZh: '一次办成', partEn: 'Right the first time' },
};

/** How a case came in, as the lists show it. */
export const CASE_CHANNEL_LABELS: Record<string, { zh: string; en: string }> = {
  online: { zh: '网上申报', en: 'Online' },
  counter: { zh: '窗口收件', en: 'Counter' },
  kiosk: { zh: '自助终端', en: 'Kiosk' },
  agent: { zh: '帮办代办', en: 'Agent' },
};
