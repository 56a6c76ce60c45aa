import '../cases.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../auth/session.ts';
import { useLabels } from '../../catalogue/labels.ts';
import { Forbidden, LoadError, Loading } from '../../components/status.tsx';
import { mayOpen } from '../../workbench/menu.ts';
import { ConsentView } from '../agent/ConsentView.tsx';
import { useCase } from '../api.ts';
import { CaseFacts } from '../CaseFacts.tsx';
import { CaseNotices } from '../CaseNotices.tsx';
import { CaseTimeline } from '../CaseTimeline.tsx';
import { FiledForm } from '../FiledForm.tsx';
import { MaterialsView } from '../MaterialsView.tsx';
import { ParcelList, parcelsOf } from '../Originals.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { Revealable } from './Revealable.tsx';

/** /workbench/cases/:id — the case for staff: actions, facts, materials, notices, the full timeline. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const detail = useCase(id);
  if (!me || !(['intake', 'review', 'warnings', 'agentCases'] as const).some((page) => mayOpen(me, page)))
    return <Forbidden />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  // The application's own fields (phone, remark, delivery); a matter with a form has most of them there.
  const form = d.formData;
  return (
    <div data-testid="staff-case-page">
      <Typography.Link onClick={() => navigate(-1)} className="case-back">
        <ArrowLeftOutlined /> {t('cases.staff.back')}
      </Typography.Link>
      <Typography.Title level={3} className="case-title">
        {t('cases.staff.detailTitle')} · {d.caseNo}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('cases.staff.actions')} className="case-block">
            <ActionPanel me={me} detail={d} />
          </Card>
          <Card className="case-block">
            <CaseFacts detail={d} staff />
          </Card>
          {d.consent ? (
            <Card title={t('agent.consent')} className="case-block">
              <ConsentView detail={d} />
            </Card>
          ) : null}
          {!d.form || form.phone || form.remark || form.delivery ? (
            <Card title={t('cases.detail.formData')} className="case-block">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('cases.apply.phone')}>
                  {form.phone ? <Revealable detail={d} field="applicantPhone" masked={form.phone} /> : '—'}
                </Descriptions.Item>
                {form.remark ? (
                  <Descriptions.Item label={t('cases.apply.remark')}>{String(form.remark)}</Descriptions.Item>
                ) : null}
                {form.delivery ? (
                  <Descriptions.Item label={t('cases.apply.delivery')}>
                    {labels.delivery[form.delivery.method]}
                  </Descriptions.Item>
                ) : null}
                {form.delivery?.method === 'post' ? (
                  <>
                    <Descriptions.Item label={t('cases.apply.recipient')}>
                      {form.delivery.recipient ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('cases.apply.deliveryPhone')}>
                      <Revealable detail={d} field="postalPhone" masked={form.delivery.phone ?? '—'} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('cases.apply.address')}>
                      <Revealable detail={d} field="postalAddress" masked={form.delivery.address ?? '—'} />
                    </Descriptions.Item>
                  </>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}
          <FiledForm detail={d} testId="case-form" />
          <Card title={t('cases.detail.materials')} className="case-block">
            <MaterialsView detail={d} />
          </Card>
          {parcelsOf(d).length > 0 ? (
            <Card title={t('cases.originals.title')} className="case-block" data-testid="case-originals">
              <ParcelList detail={d} />
            </Card>
          ) : null}
          <Card title={t('cases.detail.notices')} className="case-block">
            <CaseNotices detail={d} print />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('cases.detail.timeline')} className="case-block">
            <CaseTimeline detail={d} full />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
