import { Button, Card, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from './api.ts';
import { count, useFormat } from './format.ts';
import type { StatisticsMessages } from './messages.zh-CN.ts';

type Column = keyof StatisticsMessages['breakdown'];

/** `onName` opens a row; a row it returns false for (the region itself, 本级) is shown as plain text. */
type OnName = ((row: BreakdownRow) => void) | null;

function useColumns(onName: OnName, linkable: (row: BreakdownRow) => boolean): ColumnsType<BreakdownRow> {
  const { t } = useTranslation();
  const format = useFormat();
  const title = (key: Column) => t(`statistics.breakdown.${key}`);
  const number = (key: Column, render: (row: BreakdownRow) => string) => ({
    title: title(key),
    key,
    width: 110,
    align: 'right' as const,
    render: (_: unknown, row: BreakdownRow) => render(row),
  });
  return [
    {
      title: title('name'),
      dataIndex: 'name',
      width: 180,
      fixed: 'left',
      render: (name: string, row) =>
        onName && linkable(row) ? (
          <Button type="link" className="statistics-drill" data-testid="drill" onClick={() => onName(row)}>
            {name}
          </Button>
        ) : (
          name
        ),
    },
    number('received', (r) => count(r.received)),
    number('concluded', (r) => count(r.concluded)),
    number('onTimeRate', (r) => format.value('share', r.onTimeRate)),
    number('concludedLate', (r) => count(r.concludedLate)),
    number('averageVisits', (r) => (r.averageVisits === null ? '—' : r.averageVisits.toFixed(1))),
    number('atMostOneVisitShare', (r) => format.value('share', r.atMostOneVisitShare)),
    number('fullyOnlineShare', (r) => format.value('share', r.fullyOnlineShare)),
    number('averageWorkingDays', (r) =>
      r.averageWorkingDays === null ? '—' : r.averageWorkingDays.toFixed(1),
    ),
  ];
}

function BreakdownTable({
  rows,
  testId,
  onName,
  linkable = () => true,
}: {
  rows: BreakdownRow[];
  testId: string;
  onName: OnName;
  linkable?: (row: BreakdownRow) => boolean;
}) {
  const { t } = useTranslation();
  const columns = useColumns(onName, linkable);
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid={testId}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1060 }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('common.noData') }}
      onRow={(row) =>
        ({ 'data-testid': 'breakdown-row', 'data-name': row.name }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** The main figures by child region (a region opens the regions below it) and by department. */
export function Breakdowns(props: {
  /** The region shown: its own row (本级) opens nothing. */
  region: string;
  byRegion: BreakdownRow[];
  byDepartment: BreakdownRow[];
  onRegion: (code: string) => void;
  onDepartment: (id: string) => void;
  departmentChosen: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="statistics-card" data-testid="statistics-breakdowns">
      <Tabs
        items={[
          {
            key: 'region',
            label: t('statistics.byRegion'),
            children: (
              <>
                {props.byRegion.length > 0 ? (
                  <Typography.Paragraph type="secondary" className="statistics-hint">
                    {t('statistics.drillHint')}
                  </Typography.Paragraph>
                ) : null}
                <BreakdownTable
                  rows={props.byRegion}
                  testId="breakdown-regions"
                  onName={(row) => props.onRegion(row.id)}
                  linkable={(row) => row.id !== props.region}
                />
              </>
            ),
          },
          {
            key: 'department',
            label: t('statistics.byDepartment'),
            children: (
              <BreakdownTable
                rows={props.byDepartment}
                testId="breakdown-departments"
                onName={props.departmentChosen ? null : (row) => props.onDepartment(row.id)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
