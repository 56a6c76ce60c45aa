/**
 * The lists of 好差评 (国办发〔2019〕51号, GB/T 39734/39735) with their Chinese and English labels:
 * stages, levels, problems of a 差评, channels and the sub-ratings each channel asks for. Plain
 * values without TypeBox, so the web app imports them as they are.
 */

export type Label = { zh: string; en: string };

/** The stages a case is rated at. */
export const RATING_STAGES = ['accepted', 'concluded'] as const;
export type RatingStage = (typeof RATING_STAGES)[number];
export const STAGE_LABELS: Record<RatingStage, Label> = {
  accepted: { zh: '受理环节', en: 'Acceptance' },
  concluded: { zh: '办结环节', en: 'Conclusion' },
};

/** Levels 5…1; 1 and 2 are 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const LEVEL_LABELS: Record<RatingLevel, Label> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
/** A 差评: level 1 or 2. */
export const isBadLevel = (level: number): boolean => level <= 2;

/** What went wrong, for a 差评 (at least one). */
export const PROBLEMS = [
  'slow',
  'repeatedVisits',
  'unclearGuide',
  'attitude',
  'extraMaterials',
  'systemIssue',
  'other',
] as const;
export type Problem = (typeof PROBLEMS)[number];
export const PROBLEM_LABELS: Record<Problem, Label> = {
  slow: { zh: '办理时间长', en: 'Took too long' },
  repeatedVisits: { zh: '多次跑动', en: 'Had to come more than once' },
  unclearGuide: { zh: '指南不清楚', en: 'Unclear guide' },
  attitude: { zh: '服务态度差', en: 'Poor attitude' },
  extraMaterials: { zh: '要求额外材料', en: 'Asked for extra materials' },
  systemIssue: { zh: '系统故障', en: 'System failure' },
  other: { zh: '其他', en: 'Other' },
};

/** Where a rating came from. */
export const RATING_CHANNELS = ['online', 'window', 'sms', 'kiosk', 'hotline', 'default'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const CHANNEL_LABELS: Record<RatingChannel, Label> = {
  online: { zh: '网上评价', en: 'Online' },
  window: { zh: '窗口评价器', en: 'Window tablet' },
  sms: { zh: '短信评价', en: 'SMS' },
  kiosk: { zh: '自助终端', en: 'Kiosk' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  default: { zh: '默认好评', en: 'Default' },
};

/** The sub-ratings of the online, SMS, kiosk (and hotline) channels. */
export const ONLINE_SUB_SCORES = [
  'overall',
  'efficiency',
  'guideAccuracy',
  'convenience',
  'usability',
] as const;
/** The sub-ratings of a window (评价器) rating. */
export const WINDOW_SUB_SCORES = ['overall', 'efficiency', 'skill', 'attitude'] as const;
export type SubScoreKey = (typeof ONLINE_SUB_SCORES)[number] | (typeof WINDOW_SUB_SCORES)[number];
export const SUB_SCORE_LABELS: Record<SubScoreKey, Label> = {
  overall: { zh: '整体满意度', en: 'Overall satisfaction' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  guideAccuracy: { zh: '办事指南精确度', en: 'Accuracy of the guide' },
  convenience: { zh: '办事便捷度', en: 'Convenience' },
  usability: { zh: '平台操作性', en: 'Ease of use' },
  skill: { zh: '服务水平', en: 'Skill' },
  attitude: { zh: '服务态度', en: 'Attitude' },
};
/** Window sub-ratings whose label differs from the online one. */
export const WINDOW_SUB_SCORE_LABELS: Partial<Record<SubScoreKey, Label>> = {
  efficiency: { zh: '服务效率', en: 'Service efficiency' },
};
/** The sub-rating keys a channel asks for. */
export const subScoreKeys = (channel: RatingChannel): readonly SubScoreKey[] =>
  channel === 'window' ? WINDOW_SUB_SCORES : ONLINE_SUB_SCORES;

export const COMMENT_MAX = 500;
