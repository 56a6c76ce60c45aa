import './take.css';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { useBookingHalls } from '../../appointments/api.ts';
import { useMe } from '../../auth/session.ts';
import { Loading } from '../../components/status.tsx';
import { MINE, TICKETS, takePath, useCategories, useCheckIns } from './api.ts';
import { LoadedChoices } from './Choices.tsx';
import type { TakeTicketBody, Ticket } from './types.ts';

/** /halls/:id/take — what the hall's QR code opens: sign in, check in today's booking or take a number. */
export function TakePage() {
  const { id = '' } = useParams();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(`/halls/${id}/take`)}`} replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench/reception" replace />;
  return <Take hallId={id} />;
}

function Take({ hallId }: { hallId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories(hallId);
  const bookings = useCheckIns(hallId);
  const hall = useBookingHalls().data?.find((h) => h.id === hallId);
  const { run, busy, problem } = useWrite<TakeTicketBody, Ticket>({
    action: (body) => api.post<Ticket>(takePath(hallId), body),
    invalidates: [MINE, [TICKETS, 'checkin', hallId]],
    onSuccess: (ticket) => navigate(`/tickets/${ticket.id}`),
  });
  return (
    <div className="page ticket-page" data-testid="ticket-take-page">
      <Typography.Title level={2} className="section-title">
        {t('ticketTake.title')}
      </Typography.Title>
      {hall ? <Typography.Title level={4}>{hall.name}</Typography.Title> : null}
      <Typography.Paragraph type="secondary">{t('ticketTake.intro')}</Typography.Paragraph>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem}
          data-testid="ticket-take-error"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <LoadedChoices
        categories={categories}
        bookings={bookings}
        busy={busy}
        onChoose={(choice) => void run(choice)}
      />
    </div>
  );
}
