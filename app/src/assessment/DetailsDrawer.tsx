import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssessmentFigure,
  type AssessmentKind,
  FIGURE_LABELS,
} from '../../../common/assessment/lists.ts';
import { DRAWER_PAGE_SIZE, drawerPaging, ListDrawer } from '../components/ListDrawer.tsx';
import { LoadError } from '../components/status.tsx';
import { useDetails, useLabel } from './api.ts';
import { useCaseColumns, useRatingColumns, useRequestColumns } from './DetailColumns.tsx';

export type DetailsTarget = {
  month: string;
  kind: AssessmentKind;
  scopeId: string;
  scopeName: string;
  figure: AssessmentFigure;
};

/** The cases, ratings or 12345 requests behind one figure of one scope, paged. */
export function DetailsDrawer({ target, onClose }: { target: DetailsTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <ListDrawer
      target={target}
      onClose={onClose}
      title={(shown) =>
        t('assessment.details.heading', {
          scope: shown.scopeName,
          figure: label(FIGURE_LABELS[shown.figure].name),
        })
      }
      testId="details-drawer"
    >
      {(shown) => <DetailsBody key={`${shown.scopeId}:${shown.figure}`} target={shown} />}
    </ListDrawer>
  );
}

/** The width a table scrolls to on a narrow screen: its fixed columns, and room for the one that takes the rest. */
const tableWidth = (columns: { width?: number | string }[]) =>
  columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 240), 0);

function DetailsBody({ target }: { target: DetailsTarget }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [page, setPage] = useState(1);
  const { scopeName: _name, ...query } = target;
  const details = useDetails({ ...query, page, pageSize: DRAWER_PAGE_SIZE });
  const caseColumns = useCaseColumns();
  const ratingColumns = useRatingColumns();
  const requestColumns = useRequestColumns();
  if (details.isError) return <LoadError error={details.error} onRetry={() => void details.refetch()} />;
  const data = details.data;
  const source = data?.source;
  const common = {
    size: 'small' as const,
    loading: details.isFetching,
    locale: { emptyText: t('assessment.details.none') },
    pagination: drawerPaging(page, data?.total ?? 0, setPage),
    onRow: () => ({ 'data-testid': 'detail-row' }) as React.HTMLAttributes<HTMLElement>,
    scroll: {
      x: tableWidth(
        source === 'ratings' ? ratingColumns : source === 'requests' ? requestColumns : caseColumns,
      ),
    },
  };
  return (
    <div data-testid="details" data-source={source}>
      <Typography.Paragraph type="secondary">
        {label(FIGURE_LABELS[target.figure].formula)}
      </Typography.Paragraph>
      {data ? (
        <Typography.Paragraph data-testid="details-total">
          {t('assessment.details.total', { count: data.total })}
        </Typography.Paragraph>
      ) : null}
      {source === 'ratings' ? (
        <Table {...common} rowKey="ratingId" dataSource={data?.ratings} columns={ratingColumns} />
      ) : source === 'requests' ? (
        <Table {...common} rowKey="requestId" dataSource={data?.requests} columns={requestColumns} />
      ) : (
        <Table {...common} rowKey="caseId" dataSource={data?.cases ?? []} columns={caseColumns} />
      )}
    </div>
  );
}
