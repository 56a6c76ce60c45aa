import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { RatesChart } from './RatesChart.tsx';
import type { MaterialStatistics } from './types.ts';

/** A share as a percentage; no share (no field filled, 0 / 0) as a dash. */
const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** Departments in the chart: those with most cases filed on a form. */
const CHART_ROWS = 15;

type Prefill = NonNullable<MaterialStatistics['prefill']>;

/**
 * 申请表智能预填 of the cases filed in a region (and below): of the fields filled in their
 * application forms, the share that held what a certificate, a base, an earlier case or the
 * account gave (not corrected); in all, per matter, department and region, and per department
 * beside its 材料减免率.
 */
export function PrefillRate({ region }: { region?: string }) {
  const { t } = useTranslation();
  // The same request as the 材料减免率 beside it (one answer holds both).
  const query = { region, subtree: region ? true : undefined };
  const stats = useQuery({
    queryKey: ['/api/cases/material-statistics', query],
    queryFn: () => api.get<MaterialStatistics>('/api/cases/material-statistics', query),
  });
  if (!stats.data) return null;
  const p: Prefill = stats.data.prefill ?? {
    cases: 0,
    filled: 0,
    prefilled: 0,
    prefillRate: null,
    byMatter: [],
    byDepartment: [],
    byRegion: [],
  };
  const reduction = new Map(stats.data.byDepartment.map((d) => [d.departmentId, d.reductionRate]));
  const charted = [...p.byDepartment].sort((a, b) => b.cases - a.cases).slice(0, CHART_ROWS);
  const columns = [
    { title: t('cases.prefillRate.cases'), dataIndex: 'cases', align: 'right' as const },
    { title: t('cases.prefillRate.filled'), dataIndex: 'filled', align: 'right' as const },
    { title: t('cases.prefillRate.prefilled'), dataIndex: 'prefilled', align: 'right' as const },
    {
      title: t('cases.prefillRate.rate'),
      dataIndex: 'prefillRate',
      align: 'right' as const,
      render: (share: number | null) =>
        share === null ? <span title={t('cases.prefillRate.noForms')}>{pct(share)}</span> : pct(share),
    },
  ];
  const cards = [
    { key: 'rate', title: t('cases.prefillRate.rate'), value: pct(p.prefillRate) },
    { key: 'prefilled', title: t('cases.prefillRate.prefilled'), value: String(p.prefilled) },
    { key: 'filled', title: t('cases.prefillRate.filled'), value: String(p.filled) },
    { key: 'cases', title: t('cases.prefillRate.cases'), value: String(p.cases) },
  ];
  const table = <T extends object>(
    key: keyof T & string,
    nameKey: keyof T & string,
    title: string,
    rows: T[],
    testId: string,
  ) => (
    <Table<T>
      rowKey={key}
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[{ title, dataIndex: nameKey }, ...columns]}
      data-testid={testId}
    />
  );
  return (
    <Card
      title={t('cases.prefillRate.title', { cases: p.cases })}
      className="statistics-card"
      data-testid="form-prefill-rate"
    >
      <Typography.Paragraph type="secondary" data-testid="prefill-how">
        {t('cases.prefillRate.how')}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} className="statistics-figures">
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small" data-testid={`prefill-${c.key}`}>
              <Statistic title={c.title} value={c.value} />
              {c.key === 'rate' && p.prefillRate === null ? (
                <Typography.Text type="secondary" data-testid="prefill-no-forms">
                  {t('cases.prefillRate.noForms')}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      {p.cases > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cases.prefillRate.chart')}
          </Typography.Title>
          <RatesChart
            testId="prefill-chart"
            names={charted.map((d) => d.departmentName)}
            series={[
              {
                name: t('cases.prefillRate.rate'),
                color: '#1456b8',
                values: charted.map((d) => d.prefillRate),
              },
              {
                name: t('cases.reduction.rate'),
                color: '#2f9e44',
                values: charted.map((d) => reduction.get(d.departmentId) ?? null),
              },
            ]}
          />
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              {table(
                'implementationId',
                'matterName',
                t('cases.reduction.matter'),
                p.byMatter,
                'prefill-by-matter',
              )}
            </Col>
            <Col xs={24} lg={12}>
              {table(
                'departmentId',
                'departmentName',
                t('cases.reduction.department'),
                p.byDepartment,
                'prefill-by-department',
              )}
              <div style={{ marginTop: 16 }}>
                {table(
                  'regionCode',
                  'regionName',
                  t('cases.reduction.region'),
                  p.byRegion,
                  'prefill-by-region',
                )}
              </div>
            </Col>
          </Row>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('cases.prefillRate.none')}</Typography.Paragraph>
      )}
    </Card>
  );
}
