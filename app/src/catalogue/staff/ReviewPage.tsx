import '../catalogue.css';
import './catalogue-workbench.css';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  List,
  Row,
  Segmented,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../../api/mutation.ts';
import { LoadError } from '../../components/status.tsx';
import { catalogueApi, IMPLEMENTATIONS, useImplementation, useImplementations } from './api.ts';
import { DiffTable } from './DiffTable.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';

/** 事项审核: versions under review, each with its changes against the published version. */
export function ReviewPage() {
  const { t } = useTranslation();
  const queue = useImplementations({ status: 'under_review', page: 1 });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? queue.data?.items[0]?.id ?? null;
  return (
    <div data-testid="catalogue-review">
      <Typography.Title level={3}>{t('catalogue.staff.reviewTitle')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={t('catalogue.staff.queue')}>
            {queue.isError ? (
              <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
            ) : (
              <List
                loading={queue.isPending}
                dataSource={queue.data?.items ?? []}
                locale={{ emptyText: t('catalogue.staff.queueEmpty') }}
                renderItem={(item) => (
                  <List.Item
                    className={item.id === current ? 'review-item review-item-active' : 'review-item'}
                    onClick={() => setSelected(item.id)}
                    data-testid="review-item"
                  >
                    <List.Item.Meta
                      title={item.name}
                      description={`${item.departmentName} · v${item.versionNo}`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {current ? (
            <Review key={current} implementationId={current} onDone={() => setSelected(null)} />
          ) : (
            <Empty description={t('catalogue.staff.queueEmpty')} />
          )}
        </Col>
      </Row>
    </div>
  );
}

function Review({ implementationId, onDone }: { implementationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useImplementation(implementationId);
  const [view, setView] = useState<'diff' | 'document'>('diff');
  const [comment, setComment] = useState('');
  const decision = useWrite<boolean>({
    action: (approve) =>
      approve
        ? catalogueApi.approve(implementationId, comment.trim())
        : catalogueApi.reject(implementationId, comment.trim()),
    invalidates: [IMPLEMENTATIONS],
    toast: true,
    onSuccess: (_, approve) => {
      message.success(approve ? t('catalogue.staff.approved') : t('catalogue.staff.rejected'));
      onDone();
    },
  });
  const busy = decision.busy;
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const open = detail.data.draft;
  if (open?.status !== 'under_review') return <Empty description={t('catalogue.staff.queueEmpty')} />;
  const decide = async (approve: boolean) => {
    if (!approve && !comment.trim()) {
      message.warning(t('catalogue.staff.commentRequired'));
      return;
    }
    await decision.run(approve);
  };
  return (
    <Card
      size="small"
      title={`${open.document.name} · v${open.versionNo}`}
      extra={`${detail.data.departmentName} · ${detail.data.code}`}
      data-testid="review-panel"
    >
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'diff' | 'document')}
        options={[
          { value: 'diff', label: t('catalogue.staff.diff') },
          { value: 'document', label: t('catalogue.guide.title') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'diff' ? (
        <DiffTable
          implementationId={implementationId}
          from={detail.data.published?.versionNo}
          to={open.versionNo}
        />
      ) : (
        <DocumentPreview document={open.document} />
      )}
      <Input.TextArea
        rows={3}
        maxLength={1000}
        placeholder={t('catalogue.staff.comment')}
        aria-label={t('catalogue.staff.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ marginTop: 16 }}
        data-testid="review-comment"
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          onClick={() => void decide(true)}
          data-testid="approve"
        >
          {t('catalogue.staff.approve')}
        </Button>
        <Button
          danger
          icon={<RollbackOutlined />}
          loading={busy}
          onClick={() => void decide(false)}
          data-testid="reject"
        >
          {t('catalogue.staff.reject')}
        </Button>
      </Space>
    </Card>
  );
}
