import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../types.ts';
import { CONSENT_METHODS, type ConsentMethod } from './ConsentFields.tsx';

/** The applicant's consent an agent recorded with the case, and who the agent was. */
export function ConsentView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const consent = detail.consent;
  if (!consent) return null;
  const agent = detail.timeline.find((e) => e.action === 'submit')?.actorName;
  const method = CONSENT_METHODS.includes(consent.method as ConsentMethod)
    ? t(`agent.methods.${consent.method as ConsentMethod}`)
    : consent.method;
  return (
    <Descriptions column={1} size="small" data-testid="case-consent">
      {agent ? <Descriptions.Item label={t('agent.agentName')}>{agent}</Descriptions.Item> : null}
      <Descriptions.Item label={t('agent.signedBy')}>
        <span data-testid="consent-signed-by">{consent.signedBy}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('agent.signedAt')}>{consent.signedAt}</Descriptions.Item>
      <Descriptions.Item label={t('agent.method')}>
        <span data-testid="consent-method">{method}</span>
      </Descriptions.Item>
      {consent.note ? <Descriptions.Item label={t('agent.note')}>{consent.note}</Descriptions.Item> : null}
    </Descriptions>
  );
}
