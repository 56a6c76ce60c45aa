import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_FIGURES,
  type AssessmentFigure,
  FIGURE_LABELS,
} from '../../../common/assessment/lists.ts';
import { type FigureValue, type RankingRow, useLabel } from './api.ts';
import { percent } from './format.ts';

/** The change of rank from the previous month: ↑ up, ↓ down. */
function RankChange({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  if (row.previousRank === null) {
    return (
      <Typography.Text type="secondary" className="assessment-change" title={t('assessment.newcomer')}>
        –
      </Typography.Text>
    );
  }
  const change = row.previousRank - row.rank;
  if (change === 0) {
    return (
      <Typography.Text type="secondary" className="assessment-change" title={t('assessment.same')}>
        =
      </Typography.Text>
    );
  }
  const up = change > 0;
  return (
    <Typography.Text
      type={up ? 'success' : 'danger'}
      className="assessment-change"
      data-testid="rank-change"
      title={t(up ? 'assessment.up' : 'assessment.down', { count: Math.abs(change) })}
    >
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
      {Math.abs(change)}
    </Typography.Text>
  );
}

type FigureCellProps = { figure: AssessmentFigure; value: FigureValue; onOpen: () => void };

/** A figure as a percentage, its numerator and denominator in the tooltip; a click opens its items. */
function FigureCell({ figure, value, onOpen }: FigureCellProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const lines = [
    value.empty
      ? label(FIGURE_LABELS[figure].empty)
      : t('assessment.fraction', { numerator: value.numerator, denominator: value.denominator }),
  ];
  if (value.withoutDefaults !== undefined && value.withoutDefaults !== null) {
    lines.push(t('assessment.withoutDefaults', { value: percent(value.withoutDefaults) }));
  }
  if (value.averageVisits !== undefined && value.averageVisits !== null) {
    lines.push(t('assessment.averageVisits', { value: value.averageVisits.toFixed(2) }));
  }
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <Button
        type="link"
        size="small"
        className="assessment-figure"
        data-testid="figure"
        data-figure={figure}
        data-numerator={value.numerator}
        data-denominator={value.denominator}
        onClick={onOpen}
      >
        {value.empty ? label(FIGURE_LABELS[figure].empty) : percent(value.value)}
      </Button>
    </Tooltip>
  );
}

type Props = {
  rows: RankingRow[];
  weights: Record<string, number>;
  loading: boolean;
  onFigure: (row: RankingRow, figure: AssessmentFigure) => void;
};

/** The ranking: rank and its change, name (flagged in red), score and one column per figure. */
export function RankingTable({ rows, weights, loading, onFigure }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const columns: ColumnsType<RankingRow> = [
    {
      title: t('assessment.rank'),
      key: 'rank',
      width: 76,
      fixed: 'left',
      render: (_, row) => (
        <span className="assessment-rank">
          <strong data-testid="rank">{row.rank}</strong>
          <RankChange row={row} />
        </span>
      ),
    },
    {
      title: t('assessment.name'),
      key: 'name',
      width: 180,
      fixed: 'left',
      render: (_, row) => (
        <>
          <span data-testid="scope-name">{row.name}</span>
          {row.flagged ? (
            <Tag color="red" className="assessment-flag" data-testid="flagged">
              {t('assessment.flagged')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('assessment.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (score: number) => <strong data-testid="score">{score.toFixed(2)}</strong>,
    },
    ...ASSESSMENT_FIGURES.map((figure) => ({
      title: (
        <span className="assessment-figure-head">
          {label(FIGURE_LABELS[figure].name)}
          <Typography.Text type="secondary" className="assessment-weight">
            {t('assessment.weight', { weight: weights[figure] ?? 0 })}
          </Typography.Text>
        </span>
      ),
      key: figure,
      width: 104,
      align: 'right' as const,
      render: (_: unknown, row: RankingRow) => (
        <FigureCell figure={figure} value={row.figures[figure]} onOpen={() => onFigure(row, figure)} />
      ),
    })),
  ];
  return (
    <Table<RankingRow>
      data-testid="ranking"
      rowKey="scopeId"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1000 }}
      rowClassName={(row) => (row.flagged ? 'assessment-flagged' : '')}
      locale={{ emptyText: t('assessment.none') }}
      onRow={(row) =>
        ({
          'data-testid': 'ranking-row',
          'data-scope': row.scopeId,
          'data-name': row.name,
          'data-rank': row.rank,
          'data-flagged': row.flagged,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
