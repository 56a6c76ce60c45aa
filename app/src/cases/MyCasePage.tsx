import './cases.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { FINAL_STATUSES } from '../../../common/cases/state-machine.ts';
import { messageOf } from '../api/form-errors.ts';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { CaseRatingCard } from '../ratings/CaseRatingCard.tsx';
import { GapCard, SupplementCard } from './ApplicantTasks.tsx';
import { actOnCase, useCase, useCaseUpdated } from './api.ts';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseNotices } from './CaseNotices.tsx';
import { CaseResult } from './CaseResult.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { FiledForm } from './FiledForm.tsx';
import { MaterialsView } from './MaterialsView.tsx';
import { originalsOpen, PostOriginals, parcelsOf } from './Originals.tsx';

const WITHDRAWABLE = [
  'submitted',
  'needs_supplement',
  'accepted',
  'accepted_with_gaps',
  'in_review',
  'suspended',
];

/** /my/cases/:id — the applicant's case: progress, deadlines, visits, 补正, notices. */
export function MyCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me, isPending } = useMe();
  const detail = useCase(id);
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(`/my/cases/${id}`)}`} replace />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const final = FINAL_STATUSES.includes(d.status);
  return (
    <div className="page case-page" data-testid="my-case-page">
      <Link to="/my" className="case-back">
        <ArrowLeftOutlined /> {t('cases.my.back')}
      </Link>
      <Typography.Title level={2} className="case-title">
        {d.matterName}
      </Typography.Title>
      {d.status === 'needs_supplement' ? <SupplementCard detail={d} /> : null}
      {d.gaps.length > 0 && !final ? <GapCard detail={d} /> : null}
      <CaseResult detail={d} />
      <CaseRatingCard caseId={d.id} />
      <Card className="case-block">
        <CaseFacts detail={d} />
      </Card>
      <Card title={t('cases.detail.notices')} className="case-block">
        <CaseNotices detail={d} />
      </Card>
      <Card title={t('cases.detail.timeline')} className="case-block">
        <CaseTimeline detail={d} />
      </Card>
      <Card title={t('cases.detail.materials')} className="case-block">
        <MaterialsView detail={d} />
      </Card>
      <FiledForm detail={d} testId="my-case-form" />
      {originalsOpen(d) || parcelsOf(d).length > 0 ? (
        <Card title={t('cases.originals.title')} className="case-block">
          <PostOriginals detail={d} />
        </Card>
      ) : null}
      {WITHDRAWABLE.includes(d.status) ? <Withdraw detail={d} /> : null}
    </div>
  );
}

function Withdraw({ detail }: { detail: NonNullable<ReturnType<typeof useCase>['data']> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useCaseUpdated();
  return (
    <Popconfirm
      title={t('cases.detail.withdrawConfirm')}
      onConfirm={async () => {
        try {
          await updated(await actOnCase(detail, 'withdraw'));
        } catch (error) {
          message.error(messageOf(error, t('common.conflict')));
        }
      }}
    >
      <Button danger block className="case-block">
        {t('cases.detail.withdraw')}
      </Button>
    </Popconfirm>
  );
}
