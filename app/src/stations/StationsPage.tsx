import './stations.css';
import { AimOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { LoadError } from '../components/status.tsx';
import { RegionCascader } from '../regions/RegionCascader.tsx';
import { StationCard } from './StationCard.tsx';
import type { StationsAnswer } from './types.ts';

/** The city whose districts, streets and communities the region picker offers. */
const CITY = '610100';

type Search = { region?: string; address?: string; near?: string };
type Locating = 'idle' | 'asking' | 'refused';

/** /stations — 身边的政务服务站 (15 分钟政务服务圈): the nearest street and community stations, phone first. */
export function StationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState<Search>({});
  const [regionPath, setRegionPath] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [locating, setLocating] = useState<Locating>('idle');
  const stations = useQuery({
    queryKey: ['/api/stations', search],
    queryFn: () => api.get<StationsAnswer>('/api/stations', search),
  });

  const chooseRegion = (codes: string[]) => {
    setRegionPath(codes);
    setSearch((s) => ({ ...s, region: codes.at(-1) }));
  };
  const findAddress = (text: string) => {
    const trimmed = text.trim();
    setSearch((s) => ({ region: s.region, address: trimmed || undefined }));
  };
  const locate = () => {
    if (!navigator.geolocation) {
      setLocating('refused');
      return;
    }
    setLocating('asking');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating('idle');
        setSearch((s) => ({
          region: s.region,
          near: `${coords.latitude.toFixed(6)},${coords.longitude.toFixed(6)}`,
        }));
      },
      () => setLocating('refused'),
      { timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="page stations-page" data-testid="stations-page">
      <Typography.Title level={2} className="section-title">
        {t('stations.title')}
      </Typography.Title>
      <p className="stations-intro">
        <strong>{t('stations.circle')}</strong> · {t('stations.intro')}
      </p>
      <div className="stations-search">
        <Input.Search
          size="large"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          onSearch={findAddress}
          maxLength={100}
          enterButton={t('stations.find')}
          placeholder={t('stations.address')}
          aria-label={t('stations.address')}
          data-testid="stations-address"
          allowClear
        />
        <div className="stations-tools">
          <Button
            size="large"
            icon={<AimOutlined />}
            onClick={locate}
            loading={locating === 'asking'}
            data-testid="stations-locate"
          >
            {locating === 'asking' ? t('stations.locating') : t('stations.locate')}
          </Button>
          <RegionCascader
            root={CITY}
            value={regionPath}
            onChange={chooseRegion}
            placeholder={t('stations.region')}
            className="stations-region"
            size="large"
            id="stations-region"
          />
        </div>
      </div>
      {locating === 'refused' ? (
        <Alert
          type="info"
          showIcon
          className="stations-alert"
          title={t('stations.locateFailed')}
          data-testid="stations-locate-failed"
        />
      ) : null}
      <Results answer={stations.data} search={search} />
      {stations.isPending ? <Skeleton active /> : null}
      {stations.isError ? <LoadError error={stations.error} onRetry={() => void stations.refetch()} /> : null}
    </div>
  );
}

function Results({ answer, search }: { answer: StationsAnswer | undefined; search: Search }) {
  const { t } = useTranslation();
  if (!answer) return null;
  const note =
    answer.rankedBy === 'address' && answer.area
      ? { type: 'success' as const, text: t('stations.byAddress', { area: answer.area.name }) }
      : answer.rankedBy === 'position'
        ? { type: 'success' as const, text: t('stations.byPosition') }
        : search.address
          ? { type: 'warning' as const, text: t('stations.unknownAddress') }
          : null;
  return (
    <section aria-live="polite">
      {note ? (
        <Alert
          type={note.type}
          showIcon
          className="stations-alert"
          title={note.text}
          data-testid="stations-note"
        />
      ) : null}
      <p className="stations-count">{t('stations.count', { count: answer.items.length })}</p>
      {answer.items.length === 0 ? (
        <Empty description={t('stations.none')} />
      ) : (
        <div className="stations-list" data-testid="stations-list">
          {answer.items.map((s) => (
            <StationCard key={s.hallId} station={s} />
          ))}
        </div>
      )}
    </section>
  );
}
