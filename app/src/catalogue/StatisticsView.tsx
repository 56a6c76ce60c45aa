import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Select, Skeleton, Statistic, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MaterialReduction } from '../cases/MaterialReduction.tsx';
import { PrefillRate } from '../cases/PrefillRate.tsx';
import { LoadError } from '../components/status.tsx';
import { useRegionOptions, useStatistics } from './api.ts';
import { SharesChart } from './SharesChart.tsx';
import './statistics-messages.ts';
import { type MethodKey, StatisticsMethod } from './StatisticsMethod.tsx';
import type { Figures } from './types.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const pctOrDash = (share: number | null) => (share === null ? '—' : pct(share));

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
      title: t('catalogue.statistics.compressionWorking'),
      dataIndex: 'workingDayCompression',
      align: 'right' as const,
      render: pctOrDash,
    },
    {
      title: t('catalogue.statistics.compressionNatural'),
      dataIndex: 'naturalDayCompression',
      align: 'right' as const,
      render: pctOrDash,
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
          <StatisticsMethod />
        </>
      )}
    </div>
  );
}

function FigureCards({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const over = (count: number) => t('catalogue.statistics.compressionOver', { count });
  const cards: { key: MethodKey; value: string; note?: string }[] = [
    { key: 'matters', value: String(figures.matters) },
    { key: 'atMostOnce', value: pct(figures.atMostOnceShare) },
    { key: 'fullyOnline', value: pct(figures.fullyOnlineShare) },
    { key: 'immediate', value: pct(figures.immediateShare) },
    {
      key: 'compressionWorking',
      value: pctOrDash(figures.workingDayCompression),
      note: over(figures.workingDayMatters),
    },
    {
      key: 'compressionNatural',
      value: pctOrDash(figures.naturalDayCompression),
      note: over(figures.naturalDayMatters),
    },
    { key: 'visits', value: figures.averageVisits.toFixed(2) },
  ];
  return (
    <Row gutter={[12, 12]} className="statistics-figures">
      {cards.map((c) => (
        <Col key={c.key} flex="1 0 150px">
          <Card size="small" data-testid={`figure-${c.key}`}>
            <Statistic
              title={
                <Tooltip title={t(`catalogue.statistics.method.${c.key}`)}>
                  <span>
                    {t(`catalogue.statistics.${c.key}`)} <InfoCircleOutlined />
                  </span>
                </Tooltip>
              }
              value={c.value}
            />
            {c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
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
