import './board.css';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/status.tsx';
import { figuresXlsxUrl, useHallFigures } from './api.ts';
import { FigureTables } from './FigureTables.tsx';
import { HallChoice } from './HallChoice.tsx';
import type { FigureBy } from './types.ts';
import './messages.ts';

const DAY = 'YYYY-MM-DD';
/** The first day of this month to today, China time. */
const thisMonth = (): [Dayjs, Dayjs] => {
  const today = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  return [today.startOf('month'), today];
};

/** /workbench/hall-figures — 大厅统计: a hall's figures per day or month, as tables and an Excel file. */
export function HallFiguresPage() {
  const { t } = useTranslation();
  const [hallId, setHallId] = useState<string>();
  const [dates, setDates] = useState<[Dayjs, Dayjs]>(thisMonth);
  const [by, setBy] = useState<FigureBy>('day');
  const range = { from: dates[0].format(DAY), to: dates[1].format(DAY), by };
  const figures = useHallFigures(hallId, range);
  return (
    <div data-testid="hall-figures">
      <div className="page-head hall-board-head">
        <Typography.Title level={3}>{t('workbench.hallFigures')}</Typography.Title>
        <HallChoice value={hallId} onChange={setHallId} />
      </div>
      <div className="hall-figures-controls">
        <DatePicker.RangePicker
          aria-label={t('hallBoard.figures.range')}
          data-testid="figures-range"
          allowClear={false}
          value={dates}
          onChange={(value) => {
            if (value?.[0] && value[1]) setDates([value[0], value[1]]);
          }}
        />
        <Segmented<FigureBy>
          data-testid="figures-by"
          value={by}
          onChange={setBy}
          options={[
            { value: 'day', label: t('hallBoard.figures.byDay') },
            { value: 'month', label: t('hallBoard.figures.byMonth') },
          ]}
        />
        {hallId ? (
          <Button
            icon={<DownloadOutlined />}
            href={figuresXlsxUrl(hallId, range)}
            download
            data-testid="figures-download"
          >
            {t('hallBoard.figures.download')}
          </Button>
        ) : null}
      </div>
      {figures.isPending && hallId ? <Loading /> : null}
      {figures.isError ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.data ? (
        <Card size="small">
          <FigureTables figures={figures.data} />
        </Card>
      ) : null}
    </div>
  );
}
