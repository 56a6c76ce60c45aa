import { Alert, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_LABELS,
  LEVEL_LABELS,
  PROBLEM_LABELS,
  type Problem,
  type RatingLevel,
  SUB_SCORE_LABELS,
  type SubScoreKey,
  WINDOW_SUB_SCORE_LABELS,
} from '../../../common/ratings/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { type RatingView, useLabel } from './api.ts';
import { LevelFace } from './LevelPicker.tsx';

/** A rating as given: level, sub-ratings, problems, and for a 差评 how the department followed it up. */
export function GivenRating({ rating }: { rating: RatingView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const subLabel = (key: string) =>
    label(
      (rating.channel === 'window' ? WINDOW_SUB_SCORE_LABELS[key as SubScoreKey] : undefined) ??
        SUB_SCORE_LABELS[key as SubScoreKey],
    ) || key;
  return (
    <div data-testid="given-rating" data-level={rating.level} data-status={rating.status}>
      <div className="rating-given-level">
        <LevelFace level={rating.level} />
        <span data-testid="given-level">{label(LEVEL_LABELS[rating.level as RatingLevel])}</span>
        {rating.isDefault ? <Tag>{t('ratings.given.default')}</Tag> : null}
      </div>
      {rating.status === 'voided' ? (
        <Alert type="info" showIcon title={t('ratings.given.voided')} className="case-block" />
      ) : null}
      <Descriptions size="small" column={1}>
        {Object.entries(rating.subScores).map(([key, score]) => (
          <Descriptions.Item key={key} label={subLabel(key)}>
            {t('ratings.form.stars', { count: score })}
          </Descriptions.Item>
        ))}
        {rating.problems.length > 0 ? (
          <Descriptions.Item label={t('ratings.given.problems')}>
            {rating.problems.map((p) => label(PROBLEM_LABELS[p as Problem]) || p).join('、')}
          </Descriptions.Item>
        ) : null}
        {rating.comment ? (
          <Descriptions.Item label={t('ratings.given.comment')}>{rating.comment}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('ratings.given.channel')}>
          {label(CHANNEL_LABELS[rating.channel])}
        </Descriptions.Item>
        <Descriptions.Item label={t('ratings.given.at')}>{formatTime(rating.createdAt)}</Descriptions.Item>
      </Descriptions>
      {rating.revisit ? <RevisitState revisit={rating.revisit} /> : null}
    </div>
  );
}

function RevisitState({ revisit }: { revisit: NonNullable<RatingView['revisit']> }) {
  const { t } = useTranslation();
  const text =
    revisit.status === 'rectified'
      ? t('ratings.given.revisitRectified')
      : revisit.status === 'contacted'
        ? t('ratings.given.revisitContacted', { date: formatTime(revisit.contactedAt) })
        : t('ratings.given.revisitOpen');
  return (
    <Alert
      type={revisit.status === 'rectified' ? 'success' : 'info'}
      showIcon
      data-testid="rating-revisit"
      data-status={revisit.status}
      title={`${t('ratings.given.revisit')}：${text}`}
      description={
        revisit.outcome ? (
          <span data-testid="rating-outcome">{t('ratings.given.outcome', { outcome: revisit.outcome })}</span>
        ) : undefined
      }
    />
  );
}
