import { Card, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORY_LABELS, PUBLISHED_PAGE_SIZE } from '../../../common/inspectors/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError } from '../components/status.tsx';
import { type PublishedFinding, useLabel, usePublished } from './api.ts';
import './inspectors.css';

/** /inspectors/findings — 找茬问题整改公示: closed findings with their departments and rectifications. */
export function PublishedPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const published = usePublished(page);
  return (
    <div className="page inspector-page" data-testid="inspectors-published">
      <Typography.Title level={2} className="section-title">
        {t('inspectors.published.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('inspectors.published.intro')} <Link to="/inspectors">{t('inspectors.published.join')}</Link>
      </Typography.Paragraph>
      {published.isError ? (
        <LoadError error={published.error} onRetry={() => void published.refetch()} />
      ) : null}
      <List
        loading={published.isPending}
        dataSource={published.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspectors.published.none')} />
          ),
        }}
        renderItem={(item) => <Published item={item} />}
      />
      {(published.data?.total ?? 0) > PUBLISHED_PAGE_SIZE ? (
        <Pagination
          className="inspector-block"
          current={page}
          pageSize={PUBLISHED_PAGE_SIZE}
          total={published.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      ) : null}
    </div>
  );
}

function Published({ item }: { item: PublishedFinding }) {
  const { t } = useTranslation();
  const label = useLabel();
  const p = (key: 'department' | 'rectification' | 'reported' | 'closed' | 'inspector' | 'matter') =>
    t(`inspectors.published.${key}`);
  return (
    <Card className="inspector-published" data-testid="published-finding" data-no={item.findingNo}>
      <Space wrap className="inspector-block">
        <Tag color="blue">{label(CATEGORY_LABELS, item.category)}</Tag>
        <Typography.Text strong>{item.title}</Typography.Text>
      </Space>
      <div className="inspector-text inspector-block">{item.description}</div>
      <dl className="inspector-facts">
        {item.matterName ? (
          <>
            <dt>{p('matter')}</dt>
            <dd>{item.matterName}</dd>
          </>
        ) : null}
        <dt>{p('department')}</dt>
        <dd data-testid="published-department">{item.departmentName ?? '—'}</dd>
        <dt>{p('rectification')}</dt>
        <dd data-testid="published-rectification" className="inspector-text">
          {item.rectification ?? '—'}
        </dd>
        <dt>{p('inspector')}</dt>
        <dd data-testid="published-inspector">{item.inspectorName}</dd>
        <dt>{p('reported')}</dt>
        <dd>{formatTime(item.createdAt)}</dd>
        <dt>{p('closed')}</dt>
        <dd>{formatTime(item.publishedAt)}</dd>
      </dl>
      <Typography.Text type="secondary">
        {item.findingNo} · {item.regionName}
      </Typography.Text>
    </Card>
  );
}
