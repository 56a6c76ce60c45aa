import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  HOTLINE_FIGURE_LABELS,
  type HotlineFigure,
  KIND_LABELS,
  REQUEST_KINDS,
} from '../../../common/hotline/lists.ts';
import { type FigureRow, useLabel } from './api.ts';

/** A figure's name or its 计算方法 in the UI's language. */
export function useFigureText(): (figure: HotlineFigure, what: 'name' | 'method') => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (figure, what) => HOTLINE_FIGURE_LABELS[figure][what][en ? 'en' : 'zh'];
}

/** A rate in per cent with one decimal and its numerator and denominator; a dash when undefined. */
function Rate({ rate, n, d, testId }: { rate: number | null; n: number; d: number; testId: string }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span data-testid={testId}>
      {(Math.round(rate * 1000) / 10).toFixed(1)}%
      <Typography.Text type="secondary" className="hotline-figure-ratio">
        {' '}
        {n}/{d}
      </Typography.Text>
    </span>
  );
}

/** The figures per month: the whole region first, then each primary department. */
export function FiguresTable({ rows, regionName }: { rows: FigureRow[]; regionName: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const text = useFigureText();
  const name = (figure: HotlineFigure) => text(figure, 'name');
  return (
    <Table<FigureRow>
      rowKey={(r) => `${r.month}|${r.departmentId ?? ''}`}
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1040 }}
      locale={{ emptyText: t('hotline.figures.none') }}
      rowClassName={(r) => (r.departmentId === null ? 'hotline-figure-region' : '')}
      onRow={(r) =>
        ({
          'data-testid': 'hotline-figure-row',
          'data-month': r.month,
          'data-department': r.departmentName ?? '',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('hotline.figures.month'), dataIndex: 'month', width: 80, fixed: 'left' },
        {
          title: t('hotline.figures.department'),
          key: 'department',
          width: 180,
          fixed: 'left',
          render: (_: unknown, r) =>
            r.departmentId === null ? (
              <Typography.Text strong>
                {t('hotline.figures.whole')}（{regionName}）
              </Typography.Text>
            ) : (
              r.departmentName
            ),
        },
        {
          title: name('received'),
          dataIndex: 'received',
          width: 64,
          render: (n: number) => <span data-testid="figure-received">{n}</span>,
        },
        ...REQUEST_KINDS.map((k) => ({
          title: label(KIND_LABELS, k),
          key: k,
          width: 50,
          render: (_: unknown, r: FigureRow) => r.byKind[k],
        })),
        {
          title: name('immediateRate'),
          key: 'immediate',
          width: 106,
          render: (_: unknown, r) => (
            <Rate
              rate={r.immediateRate}
              n={r.answeredAtOnce}
              d={r.byKind.consult}
              testId="figure-immediate"
            />
          ),
        },
        {
          title: name('onTimeRate'),
          key: 'onTime',
          width: 106,
          render: (_: unknown, r) => (
            <Rate rate={r.onTimeRate} n={r.repliedOnTime} d={r.dueOrReplied} testId="figure-on-time" />
          ),
        },
        {
          title: name('overdue'),
          dataIndex: 'overdue',
          width: 52,
          render: (n: number) => <span data-testid="figure-overdue">{n}</span>,
        },
        {
          title: name('returned'),
          dataIndex: 'returned',
          width: 52,
          render: (n: number) => <span data-testid="figure-returned">{n}</span>,
        },
        { title: t('hotline.figures.revisited'), dataIndex: 'revisited', width: 64 },
        {
          title: name('satisfactionRate'),
          key: 'satisfaction',
          width: 106,
          render: (_: unknown, r) => (
            <Rate
              rate={r.satisfactionRate}
              n={r.satisfied + r.basically}
              d={r.revisited}
              testId="figure-satisfaction"
            />
          ),
        },
      ]}
    />
  );
}
