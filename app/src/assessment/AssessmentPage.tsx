import './assessment.css';
import { CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  ASSESSMENT_KINDS,
  type AssessmentFigure,
  type AssessmentKind,
  KIND_LABELS,
  MONTH_PATTERN,
} from '../../../common/assessment/lists.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError } from '../components/status.tsx';
import {
  COMPUTE,
  type ComputeAnswer,
  DETAILS,
  RANKING,
  type RankingRow,
  rankingXlsxUrl,
  useLabel,
  useRanking,
  useRegionChoices,
} from './api.ts';
import { DetailsDrawer, type DetailsTarget } from './DetailsDrawer.tsx';
import { FormulaCard } from './FormulaCard.tsx';
import { currentMonth, lastCompleteMonth } from './format.ts';
import { RankingTable } from './RankingTable.tsx';
import { ScoreChart } from './ScoreChart.tsx';

/** The region the user's supervision (or administration) covers: the default of the ranking. */
function useOwnRegion() {
  const { data: me } = useMe();
  const grant =
    me?.roles.find((r) => r.role === 'supervisor' && r.regionCode) ??
    me?.roles.find((r) => r.role === 'system_admin' && r.regionCode);
  return grant ? { code: grant.regionCode!, name: grant.regionName ?? grant.regionCode! } : undefined;
}

/** The own region and those directly below it; for districts, only regions that have districts. */
function RegionChoice(props: {
  kind: AssessmentKind;
  value: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const own = useOwnRegion();
  const below = useRegionChoices(own?.code);
  const options = [
    ...(own ? [{ value: own.code, label: own.name }] : []),
    ...(below.data ?? [])
      .filter((r) => (props.kind === 'district' ? r.level === 'city' : true))
      .map((r) => ({ value: r.code, label: r.name })),
  ];
  return (
    <Select
      aria-label={t('assessment.region')}
      data-testid="assessment-region"
      value={props.value ?? own?.code}
      options={options}
      onChange={props.onChange}
      style={{ width: 180 }}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/**
 * /workbench/assessment — 月度考核: the monthly ranking of a region's departments or a city's
 * districts, each figure opening the items behind it; exported to Excel, recomputed on demand.
 */
export function AssessmentPage() {
  const { t, i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const label = useLabel();
  const { message } = App.useApp();
  const own = useOwnRegion();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('month');
  const month = chosen && new RegExp(MONTH_PATTERN).test(chosen) ? chosen : lastCompleteMonth();
  const kind: AssessmentKind = params.get('kind') === 'district' ? 'district' : 'department';
  const region = params.get('region') ?? undefined;
  const choose = (next: { month?: string; kind?: AssessmentKind; region?: string | undefined }) => {
    const values = { month, kind, region, ...next };
    const search = new URLSearchParams({ month: values.month, kind: values.kind });
    if (values.region) search.set('region', values.region);
    setParams(search, { replace: true });
  };
  const setMonth = (value: string) => choose({ month: value });
  const setRegion = (value: string) => choose({ region: value });
  const [target, setTarget] = useState<DetailsTarget | null>(null);
  const query = { month, kind, region };
  const ranking = useRanking(query);
  const data = ranking.data;
  const compute = useWrite<void, ComputeAnswer>({
    action: () =>
      api.post<ComputeAnswer>(COMPUTE, { month, region: region ?? data?.region.code ?? own?.code }),
    invalidates: [RANKING, DETAILS],
    toast: true,
    onSuccess: (answer) => message.success(t('assessment.computed', { count: answer.scores })),
  });
  const openFigure = (row: RankingRow, figure: AssessmentFigure) =>
    setTarget({ month, kind, scopeId: row.scopeId, scopeName: row.name, figure });
  const changeKind = (next: AssessmentKind) => {
    choose(next === 'district' ? { kind: next, region: undefined } : { kind: next });
  };
  return (
    <div data-testid="assessment-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.assessment')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('assessment.intro')}</Typography.Paragraph>
      <Space wrap className="assessment-controls">
        <span data-testid="assessment-month">
          <DatePicker
            picker="month"
            aria-label={t('assessment.month')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.format('YYYY-MM') > currentMonth()}
            onChange={(d) => {
              if (d) setMonth(d.format('YYYY-MM'));
            }}
          />
        </span>
        <RegionChoice kind={kind} value={region} onChange={setRegion} />
        {data?.computedAt && !data.complete ? (
          <Tag color="gold" data-testid="assessment-so-far">
            {t('assessment.soFar', { time: formatTime(data.computedAt) })}
          </Tag>
        ) : data?.computedAt ? (
          <Typography.Text type="secondary" data-testid="assessment-computed-at">
            {t('assessment.computedAt', { time: formatTime(data.computedAt) })}
          </Typography.Text>
        ) : null}
        <span className="assessment-actions">
          <Button
            icon={<DownloadOutlined />}
            href={rankingXlsxUrl(query)}
            download
            data-testid="assessment-download"
          >
            {t('assessment.download')}
          </Button>
          <Popconfirm title={t('assessment.computeConfirm', { month })} onConfirm={() => void compute.run()}>
            <Button icon={<CalculatorOutlined />} loading={compute.busy} data-testid="assessment-compute">
              {t('assessment.compute')}
            </Button>
          </Popconfirm>
        </span>
      </Space>
      <Tabs
        activeKey={kind}
        onChange={(key) => changeKind(key as AssessmentKind)}
        items={ASSESSMENT_KINDS.map((k) => ({ key: k, label: label(KIND_LABELS[k]) }))}
      />
      {ranking.isError ? <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
      {data ? <FormulaCard weights={data.weights} /> : null}
      {data && !data.computedAt ? (
        <Typography.Paragraph type="warning" data-testid="assessment-not-computed">
          {t('assessment.notComputed')}
        </Typography.Paragraph>
      ) : null}
      {data && data.rows.length > 1 ? (
        <Card size="small" title={t('assessment.chart')} className="assessment-card">
          <ScoreChart rows={data.rows} />
        </Card>
      ) : null}
      <Card size="small" className="assessment-card">
        <RankingTable
          rows={data?.rows ?? []}
          weights={data?.weights ?? {}}
          loading={ranking.isFetching}
          onFigure={openFigure}
        />
        {data && data.idle.length > 0 ? (
          <div className="assessment-idle" data-testid="assessment-idle">
            <Typography.Text type="secondary">{t('assessment.idle')}：</Typography.Text>
            {data.idle.map((s) => (
              <Tag key={s.scopeId}>{s.name}</Tag>
            ))}
          </div>
        ) : null}
      </Card>
      <DetailsDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
