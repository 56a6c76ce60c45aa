import { Card, Col, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MaterialReduction } from '../cases/MaterialReduction.tsx';
import { PrefillRate } from '../cases/PrefillRate.tsx';
import { LoadError } from '../components/status.tsx';
import { useRegionOptions, useStatistics } from './api.ts';
import { SharesChart } from './SharesChart.tsx';
import type { Figures } from './types.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

type Props = { region: string | undefined; onRegion: (region: string | undefined) => void };

/** The catalogue figures overall, as a chart and by department and region. */
export function StatisticsView({ region, onRegion }: Props) {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const stats = useStatistics(region);
  const figureColumns = [
    { title: t('catalogue.statistics.matters'), dataIndex: 'matters', align: 'right' as const },
    {
      title: t('catalogue.statistics.atMostOnce'),
      dataIndex: 'atMostOnceShare',
      align: 'right' as const,
      render: pct,
    },
    {
      title: t('catalogue.statistics.fullyOnline'),
      dataIndex: 'fullyOnlineShare',
      align: 'right' as const,
      render: pct,
    },
    {
      title: t('catalogue.statistics.immediate'),
      dataIndex: 'immediateShare',
      align: 'right' as const,
      render: pct,
    },
    {
      title: t('catalogue.statistics.compression'),
      dataIndex: 'averageCompression',
      align: 'right' as const,
      render: pct,
    },
    {
      title: t('catalogue.statistics.visits'),
      dataIndex: 'averageVisits',
      align: 'right' as const,
      render: (v: number) => v.toFixed(2),
    },
  ];
  return (
    <div data-testid="catalogue-statistics">
      <Select
        className="matter-filter"
        allowClear
        placeholder={t('catalogue.statistics.allRegions')}
        aria-label={t('catalogue.filter.region')}
        value={region ?? null}
        options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        onChange={(value: string | null | undefined) => onRegion(value ?? undefined)}
        style={{ marginBottom: 16 }}
      />
      {stats.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : stats.isError ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <FigureCards figures={stats.data} />
          {stats.data.byDepartment.length > 0 ? (
            <Card title={t('catalogue.statistics.chartShares')} className="statistics-card">
              <SharesChart rows={stats.data.byDepartment} />
            </Card>
          ) : null}
          <Card title={t('catalogue.statistics.byDepartment')} className="statistics-card">
            <Table
              rowKey="departmentId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={stats.data.byDepartment}
              columns={[
                { title: t('catalogue.statistics.department'), dataIndex: 'departmentName' },
                ...figureColumns,
              ]}
            />
          </Card>
          <Card title={t('catalogue.statistics.byRegion')} className="statistics-card">
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={stats.data.byRegion}
              columns={[
                { title: t('catalogue.statistics.region'), dataIndex: 'regionName' },
                ...figureColumns,
              ]}
            />
          </Card>
          <MaterialReduction region={region} />
          <PrefillRate region={region} />
        </>
      )}
    </div>
  );
}

function FigureCards({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'matters', title: t('catalogue.statistics.matters'), value: String(figures.matters) },
    { key: 'atMostOnce', title: t('catalogue.statistics.atMostOnce'), value: pct(figures.atMostOnceShare) },
    {
      key: 'fullyOnline',
      title: t('catalogue.statistics.fullyOnline'),
      value: pct(figures.fullyOnlineShare),
    },
    { key: 'immediate', title: t('catalogue.statistics.immediate'), value: pct(figures.immediateShare) },
    {
      key: 'compression',
      title: t('catalogue.statistics.compression'),
      value: pct(figures.averageCompression),
    },
    { key: 'visits', title: t('catalogue.statistics.visits'), value: figures.averageVisits.toFixed(2) },
  ];
  return (
    <Row gutter={[12, 12]} className="statistics-figures">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} lg={4}>
          <Card size="small" data-testid={`figure-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function StatisticsHeading() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('catalogue.statistics.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalogue.statistics.subtitle')}</Typography.Paragraph>
    </>
  );
}
