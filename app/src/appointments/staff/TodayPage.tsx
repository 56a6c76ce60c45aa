import '../appointments.css';
import './staff.css';
import { App, Button, Card, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { LoadError } from '../../components/status.tsx';
import type { Appointment } from '../types.ts';
import { BOOKINGS, chinaToday, useHallBookings } from './api.ts';
import { HallPicker } from './HallPicker.tsx';
import { PhoneBooking } from './PhoneBooking.tsx';

/** /workbench/appointments-today — 今日预约: the day's bookings of the hall by time; book by phone; mark no-shows. */
export function TodayAppointmentsPage() {
  const { t } = useTranslation();
  const [hallId, setHallId] = useState<string>();
  const [day, setDay] = useState(chinaToday());
  const bookings = useHallBookings(hallId, day);
  return (
    <div data-testid="appointments-today">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.todayAppointments')}</Typography.Title>
        <HallPicker value={hallId} onChange={setHallId} />
      </div>
      {hallId ? <PhoneBooking hallId={hallId} onBooked={(a) => setDay(a.day)} /> : null}
      <Card
        className="appointments-staff-card"
        title={t('appointments.staff.bookingsOf', { day })}
        extra={
          <Input
            type="date"
            aria-label={t('appointments.day')}
            data-testid="bookings-day"
            value={day}
            onChange={(e) => e.target.value && setDay(e.target.value)}
          />
        }
      >
        {bookings.isError ? (
          <LoadError error={bookings.error} onRetry={() => void bookings.refetch()} />
        ) : null}
        <BookingsTable rows={bookings.data ?? []} loading={bookings.isFetching} />
      </Card>
    </div>
  );
}

function BookingsTable({ rows, loading }: { rows: Appointment[]; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const marking = useWrite<string, Appointment>({
    action: (id) => api.post<Appointment>(`/api/appointments/${encodeURIComponent(id)}/no-show`),
    invalidates: [BOOKINGS],
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('appointments.staff.markedNoShow')),
  });
  const now = Date.now();
  return (
    <Table<Appointment>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      data-testid="hall-bookings"
      locale={{ emptyText: t('appointments.staff.noBookings') }}
      onRow={() => ({ 'data-testid': 'hall-booking' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('appointments.slot'), dataIndex: 'start', width: 80 },
        { title: t('appointments.staff.person'), dataIndex: 'name' },
        { title: t('appointments.category'), dataIndex: 'categoryName' },
        {
          title: t('appointments.staff.channel'),
          dataIndex: 'channel',
          render: (c: string) => t(`appointments.staff.channels.${c}`, { defaultValue: c }),
        },
        {
          title: t('appointments.staff.statusTitle'),
          dataIndex: 'status',
          render: (s: Appointment['status']) => (
            <Tag color={s === 'booked' ? 'blue' : s === 'no_show' ? 'red' : 'default'}>
              {t(`appointments.status.${s}`)}
            </Tag>
          ),
        },
        {
          title: '',
          render: (_, a) =>
            a.status === 'booked' && new Date(a.startsAt).getTime() <= now ? (
              <Popconfirm
                title={t('appointments.staff.noShowConfirm', { name: a.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => marking.run(a.id)}
              >
                <Button size="small" danger data-testid="mark-no-show">
                  {t('appointments.staff.markNoShow')}
                </Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  );
}
