import { BankOutlined, ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.ts';
import { useLabels } from './labels.ts';
import { PlaceChoice } from './PlaceChoice.tsx';
import { defaultPlace } from './places.ts';
import type { MatterSummary } from './types.ts';

const MODE_COLOURS: Record<MatterSummary['realisationMode'], string> = {
  fully_online: 'green',
  at_most_once: 'blue',
  on_the_spot: 'cyan',
  more_visits: 'orange',
};

/**
 * One matter in a result list: name, department, how it is done, time limits and visits. A basic
 * matter implemented in several places is one card with 选择办理地, defaulting to the signed-in
 * applicant's registered region (the city level when none matches); its facts and links are those
 * of the place chosen.
 */
export function MatterCard({ matter }: { matter: MatterSummary }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: me } = useMe();
  const places = matter.places ?? [];
  const region = me?.region;
  const [chosenId, setChosenId] = useState<string>();
  const place = places.find((p) => p.implementationId === chosenId) ?? defaultPlace(places, region);
  const shown = place ? { ...matter, ...place } : matter;
  const unit = labels.limitUnit[shown.limitUnit];
  const guide = `/guide/${shown.implementationId}`;
  return (
    <Card
      className="matter-card"
      size="small"
      data-testid="matter-card"
      data-basic={matter.basicCode}
      data-places={places.length || 1}
    >
      <div className="matter-card-head">
        <Link to={guide} className="matter-card-name" data-testid="matter-card-name">
          {shown.name}
        </Link>
        <span className="matter-card-tags">
          <Tag color={MODE_COLOURS[shown.realisationMode]}>
            {labels.realisationMode[shown.realisationMode]}
          </Tag>
          <Tag>{labels.caseType[shown.caseType]}</Tag>
        </span>
      </div>
      {places.length > 1 ? (
        <PlaceChoice places={places} value={shown.implementationId} onChange={setChosenId} region={region} />
      ) : null}
      <div className="matter-card-facts">
        <span>
          <BankOutlined /> {shown.departmentName}
        </span>
        {places.length > 1 ? null : (
          <span>
            <EnvironmentOutlined /> {shown.regionName}
          </span>
        )}
        <span>
          <ClockCircleOutlined />{' '}
          {shown.caseType === 'immediate' || shown.promisedLimit === 0 ? (
            <strong className="matter-card-promised">{t('catalogue.card.immediate')}</strong>
          ) : (
            <strong className="matter-card-promised">
              {t('catalogue.card.promised', { value: shown.promisedLimit, unit })}
            </strong>
          )}
          {shown.legalLimit > 0 ? (
            <span className="matter-card-legal">
              {t('catalogue.card.legal', { value: shown.legalLimit, unit })}
            </span>
          ) : null}
        </span>
        <span>
          <TeamOutlined />{' '}
          {shown.visitsRequired === 0
            ? t('catalogue.card.noVisit')
            : t('catalogue.card.visits', { count: shown.visitsRequired })}
        </span>
      </div>
      <div className="matter-card-foot">
        <span className="matter-card-object">{labels.serviceObject[shown.serviceObject]}</span>
        <Link to={guide} data-testid="matter-card-guide">
          {t('catalogue.card.guide')} ›
        </Link>
      </div>
    </Card>
  );
}
