import { Alert, Button, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WalkInForm } from '../../cases/staff/WalkInForm.tsx';
import { useTicketPerson } from './api.ts';
import './messages.ts';

/**
 * 开始受理 from a called ticket: the counter's walk-in form with the person the ticket stands for
 * filled in (ID number, name, phone) and the ticket carried with the filing.
 */
export function TicketIntake({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const person = useTicketPerson(ticketId);
  if (person.isPending) return <Spin />;
  const p = person.data;
  const values = p
    ? {
        kind: p.kind ?? 'person',
        ...(p.login ? { login: p.login } : {}),
        ...(p.name ? { displayName: p.name } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
      }
    : undefined;
  return (
    <>
      <Alert
        className="case-block"
        type={p ? 'info' : 'warning'}
        showIcon
        data-testid="intake-ticket"
        title={
          <Space wrap>
            {p
              ? t('ticketDesk.intakeFrom', { code: p.code, name: p.name ?? t('ticketDesk.unknownPerson') })
              : t('ticketDesk.intakePersonMissing')}
            <Link to="/workbench/calling">
              <Button size="small">{t('ticketDesk.backToCalling')}</Button>
            </Link>
          </Space>
        }
      />
      <WalkInForm
        key={ticketId}
        extraValues={values}
        extraBody={p ? () => ({ ticketId: p.ticketId }) : undefined}
        from="/workbench/intake"
      />
    </>
  );
}
