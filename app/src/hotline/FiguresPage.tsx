import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTLINE_FIGURES } from '../../../common/hotline/lists.ts';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { figuresXlsxUrl, useFigures, useRegionsBelow } from './api.ts';
import { monthsBetween, OnTimeChart } from './FiguresChart.tsx';
import { FiguresTable, useFigureText } from './FiguresTable.tsx';
import './hotline.css';

const MONTH = 'YYYY-MM';
/** This month in China and the five before it. */
const lastSixMonths = (): [Dayjs, Dayjs] => {
  const month = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7));
  return [month.subtract(5, 'month'), month];
};

/** The region of the user's supervision, administration or office: the default of the page. */
function useOwnRegion() {
  const { data: me } = useMe();
  const grant =
    me?.roles.find((r) => r.role === 'supervisor' && r.regionCode) ??
    me?.roles.find((r) => r.role === 'system_admin' && r.regionCode) ??
    me?.roles.find((r) => r.regionCode);
  return grant ? { code: grant.regionCode!, name: grant.regionName ?? grant.regionCode! } : undefined;
}

/**
 * /workbench/hotline-figures — 12345统计: a region's requests per month, whole and per primary
 * department: received by kind, 即时办结率, 按时办结率, overdue, returns and the revisits'
 * satisfaction, with how each is computed, a line of 按时办结率 and an Excel download.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const text = useFigureText();
  const own = useOwnRegion();
  const below = useRegionsBelow(own?.code);
  const [region, setRegion] = useState<string>();
  const [months, setMonths] = useState<[Dayjs, Dayjs]>(lastSixMonths);
  const code = region ?? own?.code;
  const query = code
    ? { regionCode: code, from: months[0].format(MONTH), to: months[1].format(MONTH) }
    : undefined;
  const figures = useFigures(query);
  const regions = [
    ...(own ? [{ value: own.code, label: own.name }] : []),
    ...(below.data ?? []).map((r) => ({ value: r.code, label: r.name })),
  ];
  return (
    <div data-testid="hotline-figures-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.hotlineFigures')}</Typography.Title>
      </div>
      <Space wrap className="hotline-filters">
        <Select
          aria-label={t('hotline.figures.region')}
          data-testid="figures-region"
          value={code}
          options={regions}
          onChange={setRegion}
          style={{ width: 180 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <DatePicker.RangePicker
          picker="month"
          aria-label={t('hotline.figures.months')}
          data-testid="figures-months"
          allowClear={false}
          value={months}
          onChange={(value) => {
            if (value?.[0] && value[1]) setMonths([value[0], value[1]]);
          }}
        />
        {query ? (
          <Button
            icon={<DownloadOutlined />}
            href={figuresXlsxUrl(query)}
            download
            data-testid="figures-download"
          >
            {t('hotline.figures.download')}
          </Button>
        ) : null}
      </Space>
      {figures.isPending && query ? <Loading /> : null}
      {figures.isError ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('hotline.figures.chart')}>
              <OnTimeChart
                rows={figures.data.rows}
                name={text('onTimeRate', 'name')}
                months={monthsBetween(figures.data.from, figures.data.to)}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('hotline.figures.methods')} data-testid="figures-methods">
              <dl className="hotline-figure-methods">
                {HOTLINE_FIGURES.map((f) => (
                  <div key={f}>
                    <dt>{text(f, 'name')}</dt>
                    <dd>{text(f, 'method')}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small">
              <FiguresTable rows={figures.data.rows} regionName={figures.data.regionName} />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
