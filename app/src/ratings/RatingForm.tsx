import { Alert, Button, Checkbox, Input, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMMENT_MAX,
  isBadLevel,
  PROBLEM_LABELS,
  PROBLEMS,
  type Problem,
  type RatingChannel,
  type RatingLevel,
  SUB_SCORE_LABELS,
  type SubScoreKey,
  subScoreKeys,
  WINDOW_SUB_SCORE_LABELS,
} from '../../../common/ratings/lists.ts';
import { type Invalidation, useWrite } from '../api/mutation.ts';
import { type LinkRatingBody, useLabel } from './api.ts';
import { LevelPicker } from './LevelPicker.tsx';

export type RatingFormProps = {
  /** Which sub-ratings are asked: the window's four or the online five. */
  channel: RatingChannel;
  send: (body: LinkRatingBody) => Promise<unknown>;
  /** What reloads after the rating is given. */
  invalidates?: readonly Invalidation[];
  onSent?: () => void;
  /** Large type and touch targets (the window's tablet). */
  large?: boolean;
};

/**
 * The rating form of every channel: the five levels, the channel's sub-ratings (set to the level
 * once it is chosen, then each adjustable), and for 不满意/非常不满意 the problems (at least one)
 * and a comment.
 */
export function RatingForm({ channel, send, invalidates, onSent, large }: RatingFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const keys = subScoreKeys(channel);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [scores, setScores] = useState<Partial<Record<SubScoreKey, number>>>({});
  const [touched, setTouched] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const write = useWrite<LinkRatingBody>({ action: send, invalidates, onSuccess: () => onSent?.() });
  const bad = level !== null && isBadLevel(level);
  const missingScore = keys.some((k) => !scores[k]);
  const missingProblem = bad && problems.length === 0;

  const choose = (next: RatingLevel) => {
    setLevel(next);
    if (!touched) setScores(Object.fromEntries(keys.map((k) => [k, next])));
  };
  const submit = () => {
    setTried(true);
    if (level === null || missingScore || missingProblem) return;
    const subScores = Object.fromEntries(keys.map((k) => [k, scores[k] ?? level]));
    const text = comment.trim();
    void write.run({
      level,
      subScores,
      ...(bad ? { problems, ...(text ? { comment: text } : {}) } : {}),
    });
  };
  const subLabel = (key: SubScoreKey) =>
    label((channel === 'window' ? WINDOW_SUB_SCORE_LABELS[key] : undefined) ?? SUB_SCORE_LABELS[key]);

  return (
    <div className={`rating-form${large ? ' rating-form-large' : ''}`} data-testid="rating-form">
      <LevelPicker value={level} onChange={choose} />
      {tried && level === null ? <div className="rating-error">{t('ratings.form.levelRule')}</div> : null}
      {level !== null ? (
        <fieldset className="rating-subscores">
          <legend>{t('ratings.form.subScores')}</legend>
          {keys.map((key) => (
            <div key={key} className="rating-subscore" data-testid="sub-score" data-key={key}>
              <span className="rating-subscore-name">{subLabel(key)}</span>
              <Rate
                value={scores[key] ?? 0}
                aria-label={subLabel(key)}
                onChange={(value) => {
                  setTouched(true);
                  setScores((s) => ({ ...s, [key]: value }));
                }}
              />
            </div>
          ))}
          {tried && missingScore ? (
            <div className="rating-error">{t('ratings.form.subScoreRule')}</div>
          ) : null}
        </fieldset>
      ) : null}
      {bad ? (
        <fieldset className="rating-problems" data-testid="rating-problems">
          <legend>{t('ratings.form.problems')}</legend>
          <Checkbox.Group<Problem>
            value={problems}
            onChange={setProblems}
            options={PROBLEMS.map((p) => ({ value: p, label: label(PROBLEM_LABELS[p]) }))}
          />
          {tried && missingProblem ? (
            <div className="rating-error" role="alert">
              {t('ratings.form.problemRule')}
            </div>
          ) : null}
          <Input.TextArea
            aria-label={t('ratings.form.comment')}
            placeholder={t('ratings.form.commentPlaceholder')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={COMMENT_MAX}
            showCount
            rows={3}
            data-testid="rating-comment"
          />
        </fieldset>
      ) : null}
      {write.problem ? (
        <Alert type="error" showIcon title={write.problem} data-testid="rating-refused" />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={write.busy}
        onClick={submit}
        data-testid="rating-submit"
        className="rating-submit"
      >
        {t('ratings.form.submit')}
      </Button>
    </div>
  );
}
