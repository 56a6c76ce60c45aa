import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { minutesOf } from './format.ts';
import type { HallFigures } from './types.ts';
import './messages.ts';

type Counts = Pick<
  HallFigures['hall'][number],
  'served' | 'noShows' | 'averageWaitSeconds' | 'averageHandleSeconds'
>;

function useCountColumns<R extends Counts>(): ColumnsType<R> {
  const { t } = useTranslation();
  const minutes = (seconds: number | null) => {
    const value = minutesOf(seconds);
    return value === null ? t('hallBoard.none') : t('hallBoard.minutes', { value });
  };
  return [
    { title: t('hallBoard.served'), dataIndex: 'served', align: 'right' },
    { title: t('hallBoard.noShows'), dataIndex: 'noShows', align: 'right' },
    {
      title: t('hallBoard.figures.averageWait'),
      key: 'wait',
      align: 'right',
      render: (_, r) => minutes(r.averageWaitSeconds),
    },
    {
      title: t('hallBoard.averageHandle'),
      key: 'handle',
      align: 'right',
      render: (_, r) => minutes(r.averageHandleSeconds),
    },
  ];
}

/** The hall, its windows and its clerks per day or month. */
export function FigureTables({ figures }: { figures: HallFigures }) {
  const { t } = useTranslation();
  const period = {
    title: figures.by === 'month' ? t('hallBoard.figures.month') : t('hallBoard.figures.day'),
    dataIndex: 'period',
  };
  const hallCounts = useCountColumns<HallFigures['hall'][number]>();
  const windowCounts = useCountColumns<HallFigures['windows'][number]>();
  const clerkCounts = useCountColumns<HallFigures['clerks'][number]>();
  const common = {
    size: 'small' as const,
    pagination: false as const,
    locale: { emptyText: t('hallBoard.figures.empty') },
  };
  return (
    <>
      <h4 className="hall-figures-title">{t('hallBoard.figures.hall')}</h4>
      <Table
        {...common}
        data-testid="figures-hall"
        rowKey="period"
        dataSource={figures.hall}
        columns={[period, { title: t('hallBoard.taken'), dataIndex: 'taken', align: 'right' }, ...hallCounts]}
      />
      <h4 className="hall-figures-title">{t('hallBoard.figures.windows')}</h4>
      <Table
        {...common}
        data-testid="figures-windows"
        rowKey={(r) => `${r.period}:${r.windowId}`}
        dataSource={figures.windows}
        columns={[
          period,
          {
            title: t('hallBoard.window'),
            key: 'window',
            render: (_, r) => `${r.windowNumber} ${r.windowName}`,
          },
          ...windowCounts,
        ]}
      />
      <h4 className="hall-figures-title">{t('hallBoard.figures.clerks')}</h4>
      <Table
        {...common}
        data-testid="figures-clerks"
        rowKey={(r) => `${r.period}:${r.clerkId}`}
        dataSource={figures.clerks}
        columns={[period, { title: t('hallBoard.clerk'), dataIndex: 'clerkName' }, ...clerkCounts]}
      />
    </>
  );
}
