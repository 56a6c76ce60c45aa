import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { confirmFinding, type FindingView, INSPECTORS, useFinding } from './api.ts';
import { FindingDetails } from './FindingDetails.tsx';
import './inspectors.css';

/** /my/inspector/findings/:id — a finding of mine; once rectified, 确认已整改 or 仍未解决 with a note. */
export function FindingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me, isPending } = useMe();
  const finding = useFinding(me?.kind === 'person' ? id : null);
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/login?as=person&next=/my/inspector/findings/${id}`} replace />;
  if (me.kind !== 'person') return <Navigate to="/inspectors" replace />;
  return (
    <div className="page inspector-page" data-testid="my-finding-page">
      <Link to="/my/inspector" className="inspector-back">
        <ArrowLeftOutlined /> {t('inspectors.mine.title')}
      </Link>
      <Typography.Title level={2} className="section-title">
        {finding.data?.title ?? t('inspectors.detail.title')}
      </Typography.Title>
      <Card>
        {finding.isError ? <LoadError error={finding.error} onRetry={() => void finding.refetch()} /> : null}
        {finding.isPending ? <Loading /> : null}
        {finding.data ? (
          <>
            {finding.data.status === 'rectified' ? <Confirm finding={finding.data} /> : null}
            <FindingDetails finding={finding.data} />
          </>
        ) : null}
      </Card>
    </div>
  );
}

function Confirm({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [unresolved, setUnresolved] = useState(false);
  const accept = useWrite<void, FindingView>({
    action: () => confirmFinding(finding, true),
    invalidates: [INSPECTORS],
    onSuccess: () => message.success(t('inspectors.detail.confirmed')),
  });
  return (
    <div className="inspector-block" data-testid="finding-confirm">
      <Alert type="warning" showIcon className="inspector-block" title={t('inspectors.detail.confirmHint')} />
      {accept.problem ? (
        <Alert type="error" showIcon title={accept.problem} className="inspector-block" />
      ) : null}
      <Space wrap>
        <Button
          type="primary"
          loading={accept.busy}
          onClick={() => void accept.run()}
          data-testid="confirm-accept"
        >
          {t('inspectors.detail.confirm')}
        </Button>
        <Button danger onClick={() => setUnresolved(true)} data-testid="confirm-unresolved">
          {t('inspectors.detail.unresolved')}
        </Button>
      </Space>
      {unresolved ? (
        <ReasonDialog
          title={t('inspectors.detail.unresolvedTitle')}
          okText={t('inspectors.detail.unresolved')}
          danger
          hint={{ type: 'warning', text: t('inspectors.detail.unresolvedHint') }}
          subject={`${finding.findingNo} · ${finding.title}`}
          reasonLabel={t('inspectors.detail.note')}
          reasonRule={t('inspectors.detail.noteRule')}
          maxLength={500}
          send={(note) => confirmFinding(finding, false, note)}
          done={t('inspectors.detail.reopened')}
          refresh={[INSPECTORS]}
          testId="finding-unresolved"
          onClose={() => setUnresolved(false)}
        />
      ) : null}
    </div>
  );
}
