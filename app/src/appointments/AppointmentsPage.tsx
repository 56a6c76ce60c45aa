import './appointments.css';
import { Alert, Button, Card, Empty, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useMyAppointments } from './api.ts';
import { Booking } from './Booking.tsx';
import { useCancelAppointment } from './cancel.ts';
import { chinaTime } from './pickers.tsx';

/**
 * /appointments — 预约办事: choose a hall, a matter, a day and a time; see and cancel one's bookings.
 * ?hall=…&category=…&matter=… preselect the hall and category and name the matter (from its guide).
 */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const location = useLocation();
  const [params] = useSearchParams();
  if (isPending) return <Loading />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench" replace />;
  return (
    <div className="page appointments-page" data-testid="appointments-page">
      <Typography.Title level={2} className="section-title">
        {t('appointments.title')}
      </Typography.Title>
      <p className="appointments-intro">{t('appointments.intro')}</p>
      <Suspensions />
      <Booking
        name={me.displayName}
        preset={{
          hall: params.get('hall') ?? undefined,
          category: params.get('category') ?? undefined,
          matter: params.get('matter') ?? undefined,
        }}
      />
      <MyBookings />
    </div>
  );
}

function Suspensions() {
  const { t } = useTranslation();
  const mine = useMyAppointments();
  if (!mine.data?.suspensions.length) return null;
  return (
    <>
      {mine.data.suspensions.map((s) => (
        <Alert
          key={s.hallId}
          type="warning"
          showIcon
          className="appointments-alert"
          data-testid="appointment-suspension"
          message={t('appointments.suspended', {
            hall: s.hallName,
            until: chinaTime(s.until),
            reason: currentLanguage() === 'en' ? s.reasonEn : s.reason,
          })}
        />
      ))}
    </>
  );
}

function MyBookings() {
  const { t } = useTranslation();
  const mine = useMyAppointments();
  const cancelling = useCancelAppointment();
  return (
    <section className="appointments-mine" data-testid="my-appointments">
      <Typography.Title level={3}>{t('appointments.mine')}</Typography.Title>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.appointments.length === 0 ? (
        <Empty description={t('appointments.noBookings')} />
      ) : null}
      {mine.data?.appointments.map((a) => {
        const cancellable = a.status === 'booked' && new Date(a.cancelBefore).getTime() > Date.now();
        return (
          <Card key={a.id} size="small" className="appointments-item" data-testid="my-appointment">
            <div className="appointments-item-head">
              <strong>
                {a.day} {a.start}
              </strong>
              <Tag color={a.status === 'booked' ? 'blue' : a.status === 'no_show' ? 'red' : 'default'}>
                {t(`appointments.status.${a.status}`)}
              </Tag>
            </div>
            <div>
              {a.hallName} · {a.categoryName}
            </div>
            <div className="appointments-address">{a.hallAddress}</div>
            {cancellable ? (
              <div className="appointments-item-actions">
                <span className="appointments-note">
                  {t('appointments.cancelBefore', { time: chinaTime(a.cancelBefore) })}
                </span>
                <Popconfirm
                  title={t('appointments.cancelConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => cancelling.run(a.id)}
                >
                  <Button danger data-testid="appointment-cancel" loading={cancelling.busy}>
                    {t('appointments.cancel')}
                  </Button>
                </Popconfirm>
              </div>
            ) : null}
          </Card>
        );
      })}
    </section>
  );
}
