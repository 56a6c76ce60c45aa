import './appointments.css';
import { Alert, App, Button, Card, Empty, Popconfirm, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { HALLS, MINE, SLOTS, useBookableDays, useBookingHalls, useMyAppointments, useSlots } from './api.ts';
import type { Appointment, BookableDay, BookBody } from './types.ts';

/** A moment as the hall's (China's, UTC+8) date and time, 'YYYY-MM-DD HH:MM', wherever the phone is. */
const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** '12-08 周二' for a day. */
function dayLabel(day: BookableDay): string {
  const weekday = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${day.day}T00:00:00Z`),
  );
  return `${day.day.slice(5)} ${weekday}`;
}

/** /appointments — 预约办事: choose a hall, a matter, a day and a time; see and cancel one's bookings. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to="/login?next=/appointments" replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench" replace />;
  return (
    <div className="page appointments-page" data-testid="appointments-page">
      <Typography.Title level={2} className="section-title">
        {t('appointments.title')}
      </Typography.Title>
      <p className="appointments-intro">{t('appointments.intro')}</p>
      <Suspensions />
      <Booking name={me.displayName} />
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

function Booking({ name }: { name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const halls = useBookingHalls();
  const [hallId, setHallId] = useState<string>();
  const [categoryId, setCategoryId] = useState<string>();
  const [day, setDay] = useState<string>();
  const [start, setStart] = useState<string>();
  const days = useBookableDays(hallId);
  const slots = useSlots(categoryId, day);
  const hall = halls.data?.find((h) => h.id === hallId);
  const chosenDay = days.data?.find((d) => d.day === day);
  const booking = useWrite<BookBody, Appointment>({
    action: (body) => api.post<Appointment>('/api/appointments', body),
    invalidates: [MINE, SLOTS],
    refreshOnError: true,
    onSuccess: (a) => {
      message.success(t('appointments.booked', { day: a.day, start: a.start, hall: a.hallName }));
      setStart(undefined);
    },
  });
  if (halls.isPending) return <Loading />;
  if (halls.isError) return <LoadError error={halls.error} onRetry={() => void halls.refetch()} />;
  return (
    <Card className="appointments-card">
      <div className="appointments-step">
        <div className="appointments-label">{t('appointments.hall')}</div>
        <Select
          className="appointments-hall"
          data-testid="appointment-hall"
          placeholder={t('appointments.hallPlaceholder')}
          value={hallId}
          options={halls.data.map((h) => ({ value: h.id, label: h.name }))}
          onChange={(id: string) => {
            setHallId(id);
            setCategoryId(halls.data.find((h) => h.id === id)?.categories[0]?.id);
            setDay(undefined);
            setStart(undefined);
          }}
        />
        {hall ? <div className="appointments-address">{hall.address}</div> : null}
      </div>
      {hall ? (
        <div className="appointments-step">
          <div className="appointments-label">{t('appointments.category')}</div>
          <Radio.Group
            value={categoryId}
            optionType="button"
            data-testid="appointment-category"
            onChange={(e) => {
              setCategoryId(e.target.value as string);
              setStart(undefined);
            }}
            options={hall.categories.map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
      ) : null}
      {hall && days.data ? (
        <div className="appointments-step">
          <div className="appointments-label">{t('appointments.day')}</div>
          {days.data.length === 0 ? (
            <Empty description={t('appointments.noDays')} />
          ) : (
            <div className="appointments-days" data-testid="appointment-days">
              {days.data.map((d) => (
                <Button
                  key={d.day}
                  type={d.day === day ? 'primary' : 'default'}
                  data-day={d.day}
                  onClick={() => {
                    setDay(d.day);
                    setStart(undefined);
                  }}
                >
                  {dayLabel(d)}
                  {d.extra ? <Tag className="appointments-extra">{t('appointments.extraDay')}</Tag> : null}
                </Button>
              ))}
            </div>
          )}
          {chosenDay?.extra ? <div className="appointments-note">{t('appointments.extraNote')}</div> : null}
        </div>
      ) : null}
      {day && categoryId && slots.data ? (
        <div className="appointments-step">
          <div className="appointments-label">{t('appointments.slot')}</div>
          {slots.data.slots.length === 0 ? (
            <Empty description={t('appointments.noSlots')} />
          ) : (
            <div className="appointments-slots" data-testid="appointment-slots">
              {slots.data.slots.map((s) => (
                <Button
                  key={s.start}
                  data-start={s.start}
                  type={s.start === start ? 'primary' : 'default'}
                  disabled={s.left === 0}
                  onClick={() => setStart(s.start)}
                >
                  <span className="appointments-time">
                    {s.start}–{s.end}
                  </span>
                  <span className="appointments-left">
                    {s.left === 0 ? t('appointments.full') : t('appointments.left', { count: s.left })}
                  </span>
                </Button>
              ))}
            </div>
          )}
        </div>
      ) : null}
      {booking.problem ? (
        <Alert
          type="error"
          showIcon
          className="appointments-alert"
          message={booking.problem}
          data-testid="appointment-problem"
        />
      ) : null}
      {start && day && categoryId ? (
        <div className="appointments-confirm">
          <div className="appointments-note">{t('appointments.realName', { name })}</div>
          <Button
            type="primary"
            size="large"
            block
            loading={booking.busy}
            data-testid="appointment-confirm"
            onClick={() => void booking.run({ categoryId, day, start })}
          >
            {t('appointments.confirm')} · {day} {start}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function MyBookings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyAppointments();
  const cancelling = useWrite<string, Appointment>({
    action: (id) => api.post<Appointment>(`/api/appointments/${encodeURIComponent(id)}/cancel`),
    invalidates: [MINE, SLOTS, HALLS],
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('appointments.cancelled')),
  });
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
