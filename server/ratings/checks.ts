import {
  isBadLevel,
  PROBLEMS,
  type Problem,
  type RatingChannel,
  type RatingStage,
  STAGE_LABELS,
  SUB_SCORE_LABELS,
  subScoreKeys,
} from '../../common/ratings/api.ts';
import { AppError } from '../core/errors.ts';
import { type CaseFacts, reached } from './case-facts.ts';

/** A rating as given, before it is checked against its channel. */
export type RatingInput = {
  stage: RatingStage;
  level: number;
  subScores: Record<string, number>;
  problems?: string[] | undefined;
  comment?: string | undefined;
};

/** A rating as it is recorded: sub-scores of the channel only, problems and comment for a 差评 only. */
export type CheckedRating = {
  stage: RatingStage;
  level: number;
  subScores: Record<string, number>;
  problems: Problem[];
  comment: string | null;
};

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** The stage must be reached: rating acceptance before it happened is a 400 naming `stage`. */
export function checkStageReached(facts: CaseFacts, stage: RatingStage): void {
  if (!reached(facts, stage))
    throw invalid(
      'stage',
      `办件尚未到达${STAGE_LABELS[stage].zh}，暂不能评价`,
      `the case has not reached ${STAGE_LABELS[stage].en.toLowerCase()} yet`,
    );
}

/** Checks the sub-scores the channel asks for (each 1–5, none other) and a 差评's problems. */
export function checkRating(input: RatingInput, channel: RatingChannel): CheckedRating {
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 5)
    throw invalid('level', '评价等级须为 1–5', 'must be 1 to 5');
  const keys = subScoreKeys(channel);
  for (const key of Object.keys(input.subScores)) {
    if (!(keys as readonly string[]).includes(key))
      throw invalid(`subScores.${key}`, '不是该渠道的评价指标', 'is not a sub-rating of this channel');
  }
  const subScores: Record<string, number> = {};
  for (const key of keys) {
    const value = input.subScores[key];
    const label = SUB_SCORE_LABELS[key];
    if (value === undefined)
      throw invalid(`subScores.${key}`, `请为“${label.zh}”打分`, `${label.en} is required`);
    if (!Number.isInteger(value) || value < 1 || value > 5)
      throw invalid(`subScores.${key}`, `“${label.zh}”须为 1–5 分`, `${label.en} must be 1 to 5`);
    subScores[key] = value;
  }
  const bad = isBadLevel(input.level);
  const problems = [...new Set(input.problems ?? [])];
  for (const problem of problems) {
    if (!(PROBLEMS as readonly string[]).includes(problem))
      throw invalid('problems', `未知的问题类型：${problem}`, `unknown problem: ${problem}`);
  }
  if (bad && problems.length === 0)
    throw invalid('problems', '差评须至少选择一项问题', 'a poor rating needs at least one problem');
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 500)
    throw invalid('comment', '不能超过 500 字', 'must be at most 500 characters');
  return {
    stage: input.stage,
    level: input.level,
    subScores,
    problems: bad ? (problems as Problem[]) : [],
    comment,
  };
}
