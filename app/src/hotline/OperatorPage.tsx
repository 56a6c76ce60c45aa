import { Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseRatingPanel } from './CaseRatingPanel.tsx';
import type { AnswerTarget } from './KnowledgePanel.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { RequestsTable } from './RequestsTable.tsx';
import { TakeForm } from './TakeForm.tsx';
import './hotline.css';

/**
 * /workbench/hotline — 12345受理: the operator takes a call or message beside the knowledge base
 * (a consult just taken can be answered at once from it), and the list of requests below.
 */
export function OperatorPage() {
  const { t } = useTranslation();
  const [target, setTarget] = useState<AnswerTarget | null>(null);
  return (
    <div data-testid="hotline-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.hotline')}</Typography.Title>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('hotline.take.title')}>
            <TakeForm
              onTaken={(r) => setTarget(r.kind === 'consult' ? { id: r.id, requestNo: r.requestNo } : null)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('hotline.knowledge.title')}>
            <KnowledgePanel target={target} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('ratings.desk.title')}>
            <CaseRatingPanel />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('hotline.list.title')}>
            <RequestsTable />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
