import '../cases.css';
import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TicketIntake } from '../../tickets/staff/TicketIntake.tsx';
import { CaseList } from './CaseList.tsx';
import { WalkInForm } from './WalkInForm.tsx';

/**
 * 综合受理: receive a walk-in application (from a called ticket, ?ticket=, with its person filled in);
 * the hall's cases to accept, conclude and hand out.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('walk-in');
  const [search] = useSearchParams();
  const ticketId = search.get('ticket');
  return (
    <div data-testid="intake-page">
      <Typography.Title level={3}>{t('cases.staff.intakeTitle')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'walk-in',
            label: t('cases.staff.walkIn'),
            children: ticketId ? <TicketIntake ticketId={ticketId} /> : <WalkInForm />,
          },
          { key: 'hall', label: t('cases.staff.hallCases'), children: <CaseList testId="hall-cases" /> },
        ]}
      />
    </div>
  );
}
