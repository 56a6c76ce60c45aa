import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CaseStatus } from '../../../common/cases/state-machine.ts';
import type { ListableFigure } from '../../../common/statistics/figures.ts';
import { FIGURE_PARTS } from '../../../common/statistics/parts.ts';
import { formatTime, StatusTag } from '../cases/CaseTags.tsx';
import { DRAWER_PAGE_SIZE, drawerPaging, ListDrawer } from '../components/ListDrawer.tsx';
import { LoadError } from '../components/status.tsx';
import { casesXlsxUrl, type FigureCase, type Filters, useFigureCases } from './api.ts';
import { count, useFormat } from './format.ts';
import { hasPart, partFirst, partIsBad } from './groups.ts';
import type { StatisticsMessages } from './messages.zh-CN.ts';

export type CasesTarget = { figure: ListableFigure; filters: Filters; scopeName: string };

/** What the part of a figure's cases is called (超期办结 for 按时办结率), in the UI's language. */
export function usePartLabel() {
  const { i18n } = useTranslation();
  return (figure: ListableFigure) =>
    i18n.language === 'en' ? FIGURE_PARTS[figure].partEn : FIGURE_PARTS[figure].partZh;
}

/** A label inside a sentence: English begins it in lower case (Only concluded late). */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** The cases behind one figure of the page's scope and period, paged, with their Excel file. */
export function CasesDrawer({ target, onClose }: { target: CasesTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ListDrawer
      target={target}
      onClose={onClose}
      title={(shown) =>
        t('statistics.cases.heading', { figure: format.figureName(shown.figure), scope: shown.scopeName })
      }
      testId="cases-drawer"
    >
      {(shown) => <CasesBody key={shown.figure} target={shown} />}
    </ListDrawer>
  );
}

function useColumns(figure: ListableFigure): ColumnsType<FigureCase> {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const partLabel = usePartLabel();
  const c = (key: keyof StatisticsMessages['cases']) => t(`statistics.cases.${key}`);
  const columns: ColumnsType<FigureCase> = [
    {
      title: c('caseNo'),
      dataIndex: 'caseNo',
      width: 200,
      fixed: 'left',
      render: (no: string, row) => (
        <Link to={`/workbench/cases/${row.id}`} state={{ from: pathname }} data-testid="case-no">
          {no}
        </Link>
      ),
    },
    { title: c('matter'), dataIndex: 'matterName', width: 200 },
    { title: c('department'), dataIndex: 'departmentName', width: 150 },
    { title: c('region'), dataIndex: 'regionName', width: 100 },
    {
      title: c('channel'),
      dataIndex: 'channel',
      width: 100,
      render: (v: string) => t(`cases.channel.${v as 'online'}`, { defaultValue: v }),
    },
    {
      title: c('status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <StatusTag status={status as CaseStatus} />,
    },
    { title: c('filedAt'), dataIndex: 'filedAt', width: 150, render: formatTime },
    { title: c('acceptedOn'), dataIndex: 'acceptedOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: c('promisedDeadline'),
      dataIndex: 'promisedDeadline',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    { title: c('concludedAt'), dataIndex: 'concludedAt', width: 150, render: formatTime },
    {
      title: c('workingDaysUsed'),
      dataIndex: 'workingDaysUsed',
      width: 110,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    { title: c('visits'), dataIndex: 'visits', width: 70, align: 'right' },
  ];
  if (!hasPart(figure)) return columns;
  const part: ColumnsType<FigureCase>[number] = {
    title: partLabel(figure),
    dataIndex: 'part',
    width: 110,
    render: (v: boolean) =>
      v ? (
        <Tag color={partIsBad(figure) ? 'red' : 'blue'} data-testid="case-part">
          {partLabel(figure)}
        </Tag>
      ) : null,
  };
  return [columns[0]!, part, ...columns.slice(1)];
}

function CasesBody({ target }: { target: CasesTarget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partLabel = usePartLabel();
  const narrowable = hasPart(target.figure);
  const [part, setPart] = useState(partFirst(target.figure));
  const [page, setPage] = useState(1);
  const base = { ...target.filters, figure: target.figure, part: narrowable ? part : undefined };
  const cases = useFigureCases({ ...base, page, pageSize: DRAWER_PAGE_SIZE });
  const columns = useColumns(target.figure);
  const data = cases.data;
  const listed = data ? (part && narrowable ? data.partTotal : data.total) : 0;
  return (
    <div data-testid="figure-cases" data-figure={target.figure}>
      <Typography.Paragraph type="secondary">{format.figureFormula(target.figure)}</Typography.Paragraph>
      <Space wrap className="statistics-cases-bar">
        {narrowable ? (
          <Segmented
            data-testid="cases-part-switch"
            value={part ? 'part' : 'all'}
            onChange={(value) => {
              setPart(value === 'part');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('statistics.cases.all') },
              {
                value: 'part',
                label: t('statistics.cases.only', { part: inSentence(partLabel(target.figure)) }),
              },
            ]}
          />
        ) : null}
        {data ? (
          <Typography.Text data-testid="cases-total">
            {t('statistics.cases.total', { count: data.total })}
            {narrowable
              ? t('statistics.cases.partTotal', {
                  part: partLabel(target.figure),
                  count: count(data.partTotal),
                })
              : null}
          </Typography.Text>
        ) : null}
        <Button icon={<DownloadOutlined />} href={casesXlsxUrl(base)} download data-testid="cases-download">
          {t('statistics.cases.download')}
        </Button>
      </Space>
      {cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={cases.isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 1500 }}
          locale={{ emptyText: t('statistics.cases.none') }}
          pagination={drawerPaging(page, listed, setPage)}
          onRow={(row) =>
            ({ 'data-testid': 'case-row', 'data-part': row.part }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
