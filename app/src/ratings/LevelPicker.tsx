import { FrownFilled, FrownOutlined, MehOutlined, SmileFilled, SmileOutlined } from '@ant-design/icons';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_LABELS, RATING_LEVELS, type RatingLevel } from '../../../common/ratings/lists.ts';
import { useLabel } from './api.ts';

const FACES: Record<RatingLevel, ReactNode> = {
  5: <SmileFilled />,
  4: <SmileOutlined />,
  3: <MehOutlined />,
  2: <FrownOutlined />,
  1: <FrownFilled />,
};

/** The face of a level, coloured like the level (green to red). */
export function LevelFace({ level }: { level: number }) {
  return (
    <span className={`rating-face rating-face-${level}`} aria-hidden>
      {FACES[level as RatingLevel]}
    </span>
  );
}

/** The five levels as large buttons with their faces and names, 非常满意 first (a radio group). */
export function LevelPicker(props: { value: number | null; onChange: (level: RatingLevel) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const name = useId();
  return (
    <div className="rating-levels" role="radiogroup" aria-label={t('ratings.form.level')}>
      {RATING_LEVELS.map((level) => {
        const chosen = props.value === level;
        return (
          <label
            key={level}
            data-testid="rating-level"
            data-level={level}
            className={`rating-level${chosen ? ' rating-level-chosen' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={level}
              checked={chosen}
              onChange={() => props.onChange(level)}
              className="rating-level-input"
            />
            <LevelFace level={level} />
            <span className="rating-level-name">{label(LEVEL_LABELS[level])}</span>
          </label>
        );
      })}
    </div>
  );
}
