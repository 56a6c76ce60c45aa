import './statistics.css';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/session.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { type FiguresAnswer, type Filters, figuresXlsxUrl, useFigures, useRegionDetail } from './api.ts';
import { Breakdowns } from './Breakdowns.tsx';
import { CasesDrawer, type CasesTarget } from './CasesDrawer.tsx';
import { MethodsCard, PromisesCard } from './Explanations.tsx';
import { FigureGroups } from './FigureGroups.tsx';
import { covers, StatisticsFilters } from './Filters.tsx';
import { isListable } from './groups.ts';
import { periodFrom } from './periods.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx').then((m) => ({ default: m.TrendChart })));

const KEYS = ['region', 'departmentId', 'hallId', 'implementationId', 'from', 'to'] as const;

/** The regions the user's supervision or administration covers: the roots of the page's region filter. */
function useOwnRegions() {
  const { data: me } = useMe();
  const grants = (me?.roles ?? []).filter(
    (r) => (r.role === 'supervisor' || r.role === 'system_admin') && r.regionCode,
  );
  const seen = new Set<string>();
  return grants.flatMap((g) => {
    if (seen.has(g.regionCode!)) return [];
    seen.add(g.regionCode!);
    return [{ code: g.regionCode!, name: g.regionName ?? g.regionCode! }];
  });
}

/** The filters the address holds (?region=610102&from=…&to=…&departmentId=…); 上月 when no period is named. */
function useAddressFilters(): [Filters, (next: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const optional = (key: string) => params.get(key) || undefined;
  const filters: Filters = {
    region: optional('region'),
    departmentId: optional('departmentId'),
    hallId: optional('hallId'),
    implementationId: optional('implementationId'),
    ...periodFrom(params.get('from'), params.get('to')),
  };
  const change = (next: Partial<Filters>) => {
    const values: Filters = { ...filters, ...next };
    const search = new URLSearchParams();
    for (const key of KEYS) if (values[key]) search.set(key, values[key]);
    setParams(search, { replace: false });
  };
  return [filters, change];
}

/** Own region › … › the region drilled into, each step choosing it again. */
function RegionTrail(props: { roots: { code: string }[]; code: string; onRegion: (code: string) => void }) {
  const detail = useRegionDetail(props.code);
  const data = detail.data;
  if (!data || props.roots.some((r) => r.code === data.code)) return null;
  const chain = [...data.ancestors, data];
  const start = chain.findIndex((r) => props.roots.some((root) => root.code === r.code));
  if (start < 0) return null;
  return (
    <Breadcrumb
      className="statistics-trail"
      data-testid="statistics-trail"
      items={chain.slice(start).map((r, i, all) => ({
        key: r.code,
        title:
          i === all.length - 1 ? (
            r.name
          ) : (
            <Typography.Link onClick={() => props.onRegion(r.code)}>{r.name}</Typography.Link>
          ),
      }))}
    />
  );
}

/** The period, the previous one, when the data were brought up to date and where they were read. */
function Meta({ data }: { data: FiguresAnswer }) {
  const { t } = useTranslation();
  return (
    <div className="statistics-meta" data-testid="statistics-meta">
      <Typography.Text strong data-testid="statistics-period">
        {t('statistics.period', data.period)}
      </Typography.Text>
      <Typography.Text type="secondary">{t('statistics.previousPeriod', data.previous)}</Typography.Text>
      <Typography.Text type="secondary" data-testid="statistics-as-of">
        {t('statistics.asOf', { time: formatTime(data.asOf) })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t(data.source === 'cases' ? 'statistics.sourceCases' : 'statistics.sourceRollups')}
      </Typography.Text>
    </div>
  );
}

/** Whether nothing happened in the scope and period: no case received, accepted, concluded or overdue. */
const nothingHappened = (data: FiguresAnswer) =>
  data.figures
    .filter((f) => ['received', 'accepted', 'concluded', 'overdueOpen'].includes(f.key))
    .every((f) => !f.current.value);

/**
 * /workbench/statistics — 数据统计: the figures of what happened to cases in a region subtree (one
 * department, hall or matter if chosen) over a period, each beside the previous period and the
 * catalogue's promise, opening the cases behind it; the daily trend, breakdowns by region and
 * department, how each figure is computed, and the Excel download.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const roots = useOwnRegions();
  const [filters, change] = useAddressFilters();
  const figures = useFigures(filters);
  const data = figures.data;
  const [target, setTarget] = useState<CasesTarget | null>(null);
  const scope = data?.scope;
  const scopeName = scope
    ? [
        scope.region.name,
        scope.department?.name,
        scope.hall?.name,
        scope.matter?.name,
        t('statistics.period', data.period),
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  const region = filters.region ?? roots[0]?.code;
  return (
    <div data-testid="statistics-page">
      <div className="page-head statistics-head">
        <Typography.Title level={3}>{t('workbench.statistics')}</Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={figuresXlsxUrl(filters)}
          download
          data-testid="statistics-download"
        >
          {t('statistics.download')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('statistics.intro')}</Typography.Paragraph>
      {region && roots.some((r) => covers(r.code, region)) ? (
        <RegionTrail roots={roots} code={region} onRegion={(code) => change({ region: code })} />
      ) : null}
      <StatisticsFilters
        filters={filters}
        roots={roots}
        names={{
          region: scope?.region.name,
          department: scope?.department?.name,
          hall: scope?.hall?.name,
          matter: scope?.matter?.name,
        }}
        onChange={change}
      />
      {figures.isError ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.isPending && !figures.isError ? <Loading /> : null}
      {data && !figures.isError ? (
        <div className={figures.isPlaceholderData ? 'statistics-stale' : undefined}>
          <Meta data={data} />
          {nothingHappened(data) ? (
            <Alert type="info" showIcon title={t('statistics.empty')} data-testid="statistics-empty" />
          ) : null}
          <FigureGroups
            figures={data.figures}
            onOpen={(figure) => {
              if (isListable(figure.key)) setTarget({ figure: figure.key, filters, scopeName });
            }}
          />
          <Row gutter={[16, 16]} className="statistics-row">
            <Col xs={24} xl={14}>
              <Card size="small" title={t('statistics.trend')} className="statistics-card">
                <Suspense fallback={<Loading />}>
                  <TrendChart days={data.days} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <PromisesCard promises={data.promises} />
            </Col>
          </Row>
          <Breakdowns
            region={data.scope.region.code}
            byRegion={data.byRegion}
            byDepartment={data.byDepartment}
            departmentChosen={!!filters.departmentId}
            onRegion={(code) => change({ region: code })}
            onDepartment={(departmentId) => change({ departmentId })}
          />
          <MethodsCard />
        </div>
      ) : null}
      <CasesDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
