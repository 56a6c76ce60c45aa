import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { MaterialStatistics } from './types.ts';

/** A share as a percentage; no share (no materials, 0 / 0) as a dash. */
const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/**
 * 材料减免率 of the cases filed in a region (and below): the share of materials applicants no
 * longer handed in because a certificate, a base or an earlier case held them.
 */
export function MaterialReduction({ region }: { region?: string }) {
  const { t } = useTranslation();
  const query = { region, subtree: region ? true : undefined };
  const stats = useQuery({
    queryKey: ['/api/cases/material-statistics', query],
    queryFn: () => api.get<MaterialStatistics>('/api/cases/material-statistics', query),
  });
  if (!stats.data) return null;
  const s = stats.data;
  const columns = [
    { title: t('cases.reduction.cases'), dataIndex: 'cases', align: 'right' as const },
    { title: t('cases.reduction.reused'), dataIndex: 'reused', align: 'right' as const },
    { title: t('cases.reduction.uploaded'), dataIndex: 'uploaded', align: 'right' as const },
    {
      title: t('cases.reduction.rate'),
      dataIndex: 'reductionRate',
      align: 'right' as const,
      render: (share: number | null) =>
        share === null ? <span title={t('cases.reduction.noMaterials')}>{pct(share)}</span> : pct(share),
    },
  ];
  const cards = [
    { key: 'rate', title: t('cases.reduction.rate'), value: pct(s.reductionRate) },
    { key: 'reused', title: t('cases.reduction.reused'), value: String(s.reused) },
    { key: 'uploaded', title: t('cases.reduction.uploaded'), value: String(s.uploaded) },
    {
      key: 'certificates',
      title: t('cases.reduction.fromCertificates'),
      value: String(s.bySource.e_certificate),
    },
    { key: 'cases', title: t('cases.reduction.fromCases'), value: String(s.bySource.shared_case) },
    { key: 'registries', title: t('cases.reduction.fromRegistries'), value: String(s.bySource.registry) },
  ];
  const table = <T extends object>(
    key: keyof T & string,
    nameKey: keyof T & string,
    title: string,
    rows: T[],
  ) => (
    <Table<T>
      rowKey={key}
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[{ title, dataIndex: nameKey }, ...columns]}
    />
  );
  return (
    <Card
      title={t('cases.reduction.title', { cases: s.cases })}
      className="statistics-card"
      data-testid="material-reduction"
    >
      <Row gutter={[12, 12]} className="statistics-figures">
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={8} lg={4}>
            <Card size="small" data-testid={`reduction-${c.key}`}>
              <Statistic title={c.title} value={c.value} />
              {c.key === 'rate' && s.reductionRate === null ? (
                <Typography.Text type="secondary" data-testid="reduction-no-materials">
                  {t('cases.reduction.noMaterials')}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      {s.cases > 0 ? (
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            {table('implementationId', 'matterName', t('cases.reduction.matter'), s.byMatter)}
          </Col>
          <Col xs={24} lg={12}>
            {table('departmentId', 'departmentName', t('cases.reduction.department'), s.byDepartment)}
            <div style={{ marginTop: 16 }}>
              {table('regionCode', 'regionName', t('cases.reduction.region'), s.byRegion)}
            </div>
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
