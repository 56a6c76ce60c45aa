import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_RATINGS, type CaseRatings, rateCase, useCaseRatings } from './api.ts';
import { GivenRating } from './GivenRating.tsx';
import { RatingForm } from './RatingForm.tsx';
import './ratings.css';

/**
 * 评价 on the applicant's case page: one card per stage the case has reached (受理, 办结) with the
 * rating form while it can be rated, then the rating given and its follow-up.
 */
export function CaseRatingCard({ caseId }: { caseId: string }) {
  const ratings = useCaseRatings(caseId);
  if (!ratings.data) return null;
  const shown = ratings.data.stages.filter((s) => s.canRate || s.rating);
  return (
    <>
      {shown.map((s) => (
        <StageCard key={s.stage} caseId={caseId} stage={s} />
      ))}
    </>
  );
}

function StageCard({ caseId, stage }: { caseId: string; stage: CaseRatings['stages'][number] }) {
  const { t } = useTranslation();
  return (
    <Card
      title={`${t('ratings.card.title')} · ${t(`ratings.card.${stage.stage}`)}`}
      className="case-block"
      data-testid="case-rating"
      data-stage={stage.stage}
    >
      {stage.rating ? (
        <GivenRating rating={stage.rating} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('ratings.card.intro')}</Typography.Paragraph>
          <RatingForm
            channel="online"
            send={(body) => rateCase(caseId, { stage: stage.stage, ...body })}
            invalidates={[[CASE_RATINGS, caseId]]}
          />
        </>
      )}
    </Card>
  );
}
