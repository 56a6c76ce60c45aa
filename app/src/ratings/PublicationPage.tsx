import { Card, Collapse, Empty, Grid, Select, Skeleton, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRegionOptions } from '../catalogue/api.ts';
import { LoadError } from '../components/status.tsx';
import { type PublicRow, usePublication } from './api.ts';
import type { PublicationKey } from './messages.zh-CN.ts';
import './later-messages.ts';
import './publication.css';

type Scope = PublicRow['scope'];
const SCOPES: readonly Scope[] = ['department', 'hall', 'window'];
const CITY = '610100';

/** This month and the eleven before it, newest first (China time). */
export function lastMonths(now = new Date(), count = 12): string[] {
  const [year, month] = now
    .toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/** The figures of a row in the order shown, each with its test id. */
function figures(row: PublicRow): [key: PublicationKey, testId: string, text: string][] {
  return [
    ['total', 'fig-total', String(row.total)],
    ['satisfaction', 'fig-satisfaction', percent(row.satisfaction)],
    ['satisfactionWithout', 'fig-satisfaction-without', percent(row.satisfactionWithoutDefaults)],
    ['defaults', 'fig-defaults', String(row.defaults)],
    ['bad', 'fig-bad', String(row.bad)],
    ['rectified', 'fig-rectified', String(row.rectified)],
    ['rectificationRate', 'fig-rectification', percent(row.rectificationRate)],
    ['inTimeRate', 'fig-in-time', percent(ratio(row.rectifiedInTime, row.bad))],
  ];
}

/**
 * /evaluation — 好差评公示: every month, per department, hall and window of a region, the ratings,
 * 好评率 with and without the defaults, the 差评 and their rectification; cards on a phone.
 */
export function PublicationPage() {
  const { t } = useTranslation();
  const p = (key: PublicationKey) => t(`ratings.publication.${key}`);
  const months = lastMonths();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? months[0]!;
  const region = params.get('region') ?? CITY;
  const [scope, setScope] = useState<Scope>('department');
  const regions = useRegionOptions(CITY);
  const published = usePublication(month, region);
  const set = (key: string, value: string) => setParams({ month, region, [key]: value }, { replace: true });
  const rows = (published.data?.items ?? []).filter((r) => r.scope === scope);
  return (
    <div className="page publication" data-testid="evaluation-page">
      <Typography.Title level={2}>{p('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{p('intro')}</Typography.Paragraph>
      <div className="publication-filters">
        <Select
          aria-label={p('month')}
          data-testid="evaluation-month"
          value={month}
          onChange={(v) => set('month', v)}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        <Select
          aria-label={p('region')}
          data-testid="evaluation-region"
          value={region}
          onChange={(v) => set('region', v)}
          options={(regions.data ?? [{ code: CITY, name: CITY }]).map((r) => ({
            value: r.code,
            label: r.name,
          }))}
        />
      </div>
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as Scope)}
        items={SCOPES.map((s) => ({ key: s, label: p(s) }))}
      />
      {published.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : published.isError ? (
        <LoadError error={published.error} onRetry={() => void published.refetch()} />
      ) : (
        <Figures rows={rows} />
      )}
      <Collapse
        className="publication-how"
        items={[{ key: 'how', label: p('how'), children: <HowComputed /> }]}
        defaultActiveKey={['how']}
      />
    </div>
  );
}

function Figures({ rows }: { rows: PublicRow[] }) {
  const { t } = useTranslation();
  const p = (key: PublicationKey) => t(`ratings.publication.${key}`);
  const wide = Grid.useBreakpoint().md ?? true;
  if (!rows.length) return <Empty description={p('none')} data-testid="evaluation-none" />;
  if (!wide)
    return (
      <div className="publication-cards">
        {rows.map((row) => (
          <Card
            key={row.id}
            size="small"
            title={<RowName row={row} />}
            data-testid="evaluation-row"
            data-id={row.id}
          >
            <dl className="publication-card-figures">
              {figures(row).map(([key, testId, text]) => (
                <div key={key}>
                  <dt>{p(key)}</dt>
                  <dd data-testid={testId}>{text}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ))}
      </div>
    );
  const columns = figures(rows[0]!).map(([key], index) => ({
    key,
    title: p(key),
    align: 'right' as const,
    render: (_: unknown, row: PublicRow) => {
      const [, testId, text] = figures(row)[index]!;
      return <span data-testid={testId}>{text}</span>;
    },
  }));
  return (
    <Table<PublicRow>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 960 }}
      onRow={(row) =>
        ({ 'data-testid': 'evaluation-row', 'data-id': row.id }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[{ key: 'name', title: p('name'), render: (_, row) => <RowName row={row} /> }, ...columns]}
    />
  );
}

function RowName({ row }: { row: PublicRow }) {
  return (
    <span className="publication-name">
      <span data-testid="evaluation-name">{row.name}</span>
      {row.hallName ? <Typography.Text type="secondary">{row.hallName}</Typography.Text> : null}
    </span>
  );
}

function HowComputed() {
  const { t } = useTranslation();
  const keys = ['howTotal', 'howSatisfaction', 'howWithout', 'howBad', 'howRectification'] as const;
  return (
    <ul className="publication-how-list" data-testid="evaluation-how">
      {keys.map((key) => (
        <li key={key}>{t(`ratings.publication.${key}`)}</li>
      ))}
    </ul>
  );
}
