import './take.css';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../../auth/session.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { useTicket } from './api.ts';
import { TicketSlip } from './TicketSlip.tsx';

/** /tickets/:id — my ticket: the number, how many are ahead, and once called the window, updating itself. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(`/tickets/${id}`)}`} replace />;
  return <MyTicket id={id} />;
}

function MyTicket({ id }: { id: string }) {
  const { t } = useTranslation();
  const ticket = useTicket(id);
  if (ticket.isError) return <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  if (ticket.isPending) return <Loading />;
  return (
    <div className="page ticket-page" data-testid="ticket-page">
      <Typography.Title level={2} className="section-title">
        {t('ticketTake.mine')}
      </Typography.Title>
      <TicketSlip ticket={ticket.data} />
      <p className="ticket-hint">
        {['waiting', 'called'].includes(ticket.data.status) ? t('ticketTake.refreshing') : null}{' '}
        <Link to="/my">{t('my.title')}</Link>
      </p>
    </div>
  );
}
