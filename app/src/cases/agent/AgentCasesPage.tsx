import '../cases.css';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaseList } from '../staff/CaseList.tsx';

/** 我的代办: the cases this agent filed (the server lists an agent nothing else). */
export function AgentCasesPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="agent-cases-page">
      <Typography.Title level={3}>{t('agent.casesTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('agent.casesIntro')}</Typography.Paragraph>
      <CaseList testId="agent-cases" />
    </div>
  );
}
