import { ClockCircleOutlined, EnvironmentOutlined, FileTextOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Station } from './types.ts';

const KIND_COLOURS: Record<Station['kind'], string> = {
  service_centre: 'red',
  street_centre: 'blue',
  community_station: 'green',
};

/** One station: kind, distance, address, hours, a phone to call and the matters handed in there. */
export function StationCard({ station: s }: { station: Station }) {
  const { t } = useTranslation();
  const distance =
    s.distanceKm === null
      ? null
      : s.distanceKm < 0.1
        ? t('stations.near')
        : t('stations.distance', { km: s.distanceKm });
  return (
    <Card
      size="small"
      className="station-card"
      data-testid="station-card"
      title={
        <span className="station-title">
          <span className="station-name" data-testid="station-name">
            {s.name}
          </span>
          <Tag color={KIND_COLOURS[s.kind]} className="station-kind">
            {t(`stations.kinds.${s.kind}`)}
          </Tag>
        </span>
      }
      extra={
        distance ? (
          <span className="station-distance" data-testid="station-distance">
            {distance}
          </span>
        ) : null
      }
    >
      <p className="station-organisation">{s.organisationName}</p>
      <p>
        <EnvironmentOutlined /> {s.address}
      </p>
      <p>
        <ClockCircleOutlined /> <span className="label">{t('stations.hours')}：</span>
        {s.openingHours}
      </p>
      {s.phone ? (
        <p>
          <PhoneOutlined /> <span className="label">{t('stations.phone')}：</span>
          <a href={`tel:${s.phone.replace(/[^\d+]/g, '')}`} aria-label={`${t('stations.call')} ${s.phone}`}>
            {s.phone}
          </a>
        </p>
      ) : null}
      <div className="station-matters">
        <FileTextOutlined />{' '}
        {s.matters.count === 0 ? (
          <span className="station-muted">{t('stations.noMatters')}</span>
        ) : (
          <>
            <span className="label">{t('stations.matters', { count: s.matters.count })}：</span>
            {s.matters.first.map((m, i) => (
              <span key={m.implementationId}>
                {i > 0 ? '、' : ''}
                <Link to={`/guide/${m.implementationId}`}>{m.name}</Link>
              </span>
            ))}
            {s.matters.count > s.matters.first.length ? '…' : ''}
          </>
        )}
      </div>
    </Card>
  );
}
