import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { STAGE_LABELS } from '../../../common/ratings/lists.ts';
import { ApiError } from '../api/client.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { rateByLink, useLabel, useLink } from './api.ts';
import { RatingForm } from './RatingForm.tsx';
import './ratings.css';

/**
 * /rate/:token — the rating link of an SMS: no sign-in, that case and stage only, once; a wrong
 * link (404) or one expired or used (410) says so.
 */
export function LinkRatingPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { token = '' } = useParams();
  const link = useLink(token);
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <div className="page rating-link-page" data-testid="rating-link-thanks">
        <Result
          icon={<CheckCircleFilled className="evaluator-thanks-icon" />}
          title={t('ratings.link.thanks')}
          subTitle={t('ratings.link.thanksHint')}
        />
      </div>
    );
  }
  if (link.isPending) return <Loading />;
  if (link.isError) {
    if (link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 410)) {
      return (
        <div className="page rating-link-page" data-testid="rating-link-gone">
          <Result status="warning" title={t('ratings.link.gone')} subTitle={t('ratings.link.goneHint')} />
        </div>
      );
    }
    return <LoadError error={link.error} onRetry={() => void link.refetch()} />;
  }
  const view = link.data;
  return (
    <div className="page rating-link-page" data-testid="rating-link-page">
      <Typography.Title level={3}>{t('ratings.link.title')}</Typography.Title>
      <Card className="case-block">
        <dl className="rating-link-facts">
          <dt>{t('ratings.link.matter')}</dt>
          <dd>{view.matterName}</dd>
          <dt>{t('ratings.link.caseNo')}</dt>
          <dd>{view.caseNo}</dd>
          <dt>{t('ratings.link.stage')}</dt>
          <dd>{label(STAGE_LABELS[view.stage])}</dd>
        </dl>
        <RatingForm channel="sms" send={(body) => rateByLink(token, body)} onSent={() => setSent(true)} />
      </Card>
    </div>
  );
}
