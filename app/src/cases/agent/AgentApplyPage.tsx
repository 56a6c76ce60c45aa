import '../cases.css';
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../workbench/menu.ts';
import { WalkInForm } from '../staff/WalkInForm.tsx';
import { ConsentFields, consentDefaults, consentOf } from './ConsentFields.tsx';

/** 代办申请: the agent identifies the applicant, records the consent, chooses the matter and hands in the materials. */
export function AgentApplyPage() {
  const { t } = useTranslation();
  const [initial] = useState(consentDefaults);
  return (
    <div data-testid="agent-apply-page">
      <Typography.Title level={3}>{t('agent.applyTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('agent.applyIntro')}</Typography.Paragraph>
      <WalkInForm
        extra={<ConsentFields />}
        extraValues={initial}
        extraBody={consentOf}
        from={pathOf('agentCases')}
        submitLabel={t('agent.submit')}
        submittedMessage={(caseNo) => t('agent.submitted', { caseNo })}
      />
    </div>
  );
}
