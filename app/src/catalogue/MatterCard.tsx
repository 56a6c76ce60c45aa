import { BankOutlined, ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from './labels.ts';
import type { MatterSummary } from './types.ts';

const MODE_COLOURS: Record<MatterSummary['realisationMode'], string> = {
  fully_online: 'green',
  at_most_once: 'blue',
  on_the_spot: 'cyan',
  more_visits: 'orange',
};

/** One matter in a result list: name, department, how it is done, time limits and visits. */
export function MatterCard({ matter }: { matter: MatterSummary }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const unit = labels.limitUnit[matter.limitUnit];
  return (
    <Card className="matter-card" size="small" data-testid="matter-card">
      <div className="matter-card-head">
        <Link to={`/guide/${matter.implementationId}`} className="matter-card-name">
          {matter.name}
        </Link>
        <span className="matter-card-tags">
          <Tag color={MODE_COLOURS[matter.realisationMode]}>
            {labels.realisationMode[matter.realisationMode]}
          </Tag>
          <Tag>{labels.caseType[matter.caseType]}</Tag>
        </span>
      </div>
      <div className="matter-card-facts">
        <span>
          <BankOutlined /> {matter.departmentName}
        </span>
        <span>
          <EnvironmentOutlined /> {matter.regionName}
        </span>
        <span>
          <ClockCircleOutlined />{' '}
          {matter.caseType === 'immediate' || matter.promisedLimit === 0 ? (
            <strong className="matter-card-promised">{t('catalogue.card.immediate')}</strong>
          ) : (
            <strong className="matter-card-promised">
              {t('catalogue.card.promised', { value: matter.promisedLimit, unit })}
            </strong>
          )}
          {matter.legalLimit > 0 ? (
            <span className="matter-card-legal">
              {t('catalogue.card.legal', { value: matter.legalLimit, unit })}
            </span>
          ) : null}
        </span>
        <span>
          <TeamOutlined />{' '}
          {matter.visitsRequired === 0
            ? t('catalogue.card.noVisit')
            : t('catalogue.card.visits', { count: matter.visitsRequired })}
        </span>
      </div>
      <div className="matter-card-foot">
        <span className="matter-card-object">{labels.serviceObject[matter.serviceObject]}</span>
        <Link to={`/guide/${matter.implementationId}`}>{t('catalogue.card.guide')} ›</Link>
      </div>
    </Card>
  );
}
