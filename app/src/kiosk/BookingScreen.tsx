import './booking.css';
import { CalendarOutlined, CheckCircleFilled, LeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/appointments/api.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import {
  MINE,
  SLOTS,
  useBookableDays,
  useBookingHalls,
  useMyAppointments,
  useSlots,
} from '../appointments/api.ts';
import { useCancelAppointment } from '../appointments/cancel.ts';
import { chinaTime, DayPicker, SlotPicker } from '../appointments/pickers.tsx';
import type { Appointment } from '../appointments/types.ts';
import type { KioskDevice, KioskSession } from './api.ts';
import { StartTile } from './StartTile.tsx';
import './messages.ts';

type KioskBookBody = Wire<typeof Api.KioskBookBody>;

/** The 预约办事 tile on the kiosk's start screen, for the person whose ID card was read. */
export function BookingEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <StartTile
      icon={<CalendarOutlined />}
      name={t('kiosk.booking.entry')}
      hint={t('kiosk.booking.entryHint')}
      testId="kiosk-booking-entry"
      onClick={onOpen}
    />
  );
}

type Props = { token: string; device: KioskDevice; session: KioskSession; onBack: () => void };

/** Booking a slot of the kiosk's hall: category, day and time; the confirmation; the person's bookings. */
export function BookingScreen({ token, device, session, onBack }: Props) {
  const { t } = useTranslation();
  const halls = useBookingHalls();
  const hall = halls.data?.find((h) => h.id === device.hall.id);
  const [categoryId, setCategoryId] = useState<string>();
  const [day, setDay] = useState<string>();
  const [start, setStart] = useState<string>();
  const [booked, setBooked] = useState<Appointment | null>(null);
  const days = useBookableDays(hall?.id);
  const slots = useSlots(categoryId, day);
  const booking = useWrite<KioskBookBody, Appointment>({
    action: (body) => api.post<Appointment>('/api/kiosk/appointments', body, { 'x-kiosk-token': token }),
    invalidates: [MINE, SLOTS],
    refreshOnError: true,
    onSuccess: (a) => {
      setBooked(a);
      setStart(undefined);
    },
  });
  const header = (
    <div className="kiosk-booking-head">
      <Button size="large" icon={<LeftOutlined />} onClick={onBack} data-testid="kiosk-booking-back">
        {t('kiosk.back')}
      </Button>
      <h1>{t('kiosk.booking.title')}</h1>
    </div>
  );
  if (booked)
    return (
      <div className="kiosk-booking" data-testid="kiosk-booking-done">
        <div className="kiosk-receipt-done">
          <CheckCircleFilled />
          <h1>{t('kiosk.booking.done')}</h1>
        </div>
        <dl className="kiosk-booking-facts">
          <dt>{t('kiosk.booking.person')}</dt>
          <dd>{`${booked.name}（${session.applicant.idNumber}）`}</dd>
          <dt>{t('kiosk.booking.when')}</dt>
          <dd data-testid="kiosk-booking-when">{`${booked.day} ${booked.start}`}</dd>
          <dt>{t('kiosk.booking.where')}</dt>
          <dd>{`${booked.hallName} · ${booked.categoryName}`}</dd>
          <dt>{t('kiosk.booking.address')}</dt>
          <dd>{booked.hallAddress}</dd>
        </dl>
        <Alert
          type="info"
          showIcon
          className="kiosk-block"
          message={t('kiosk.booking.arrive', { hours: hall?.settings.cancelHoursBefore ?? 2 })}
        />
        <div className="kiosk-actions">
          <Button size="large" onClick={() => setBooked(null)} data-testid="kiosk-booking-another">
            {t('kiosk.booking.another')}
          </Button>
          <Button type="primary" size="large" onClick={onBack} data-testid="kiosk-booking-home">
            {t('kiosk.home')}
          </Button>
        </div>
      </div>
    );
  return (
    <div className="kiosk-booking" data-testid="kiosk-booking">
      {header}
      {halls.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {halls.data && !hall ? <p className="kiosk-empty">{t('kiosk.booking.none')}</p> : null}
      {hall ? (
        <section className="kiosk-section kiosk-block">
          <h2>{t('kiosk.booking.category')}</h2>
          <div className="kiosk-booking-choices" data-testid="kiosk-booking-categories">
            {hall.categories.map((c) => (
              <Button
                key={c.id}
                size="large"
                type={c.id === categoryId ? 'primary' : 'default'}
                onClick={() => {
                  setCategoryId(c.id);
                  setStart(undefined);
                }}
              >
                {c.name}
              </Button>
            ))}
          </div>
          {categoryId && days.data ? (
            <>
              <h2>{t('kiosk.booking.day')}</h2>
              <DayPicker
                size="large"
                days={days.data}
                value={day}
                onChange={(d) => {
                  setDay(d);
                  setStart(undefined);
                }}
              />
            </>
          ) : null}
          {categoryId && day && slots.data ? (
            <>
              <h2>{t('kiosk.booking.slot')}</h2>
              <SlotPicker size="large" slots={slots.data.slots} value={start} onChange={setStart} />
            </>
          ) : null}
          {booking.problem ? (
            <Alert type="error" showIcon message={booking.problem} data-testid="kiosk-booking-problem" />
          ) : null}
          {categoryId && day && start ? (
            <div className="kiosk-actions">
              <Button
                type="primary"
                size="large"
                loading={booking.busy}
                data-testid="kiosk-booking-confirm"
                onClick={() => void booking.run({ categoryId, day, start })}
              >
                {t('kiosk.booking.confirm', { day, start })}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
      <KioskBookings />
    </div>
  );
}

/** The person's coming bookings, each cancellable until its deadline. */
function KioskBookings() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const mine = useMyAppointments();
  const cancelling = useCancelAppointment();
  const coming = (mine.data?.appointments ?? []).filter((a) => a.status === 'booked');
  return (
    <section className="kiosk-section" data-testid="kiosk-my-bookings">
      <h2>{t('kiosk.booking.mine')}</h2>
      {mine.data?.suspensions.map((s) => (
        <Alert
          key={s.hallId}
          type="warning"
          showIcon
          className="kiosk-block"
          message={t('appointments.suspended', {
            hall: s.hallName,
            until: chinaTime(s.until),
            reason: s.reason,
          })}
        />
      ))}
      {mine.data && coming.length === 0 ? (
        <p className="kiosk-empty">{t('appointments.noBookings')}</p>
      ) : null}
      <ul className="kiosk-booking-list">
        {coming.map((a) => (
          <li key={a.id} data-testid="kiosk-my-booking">
            <span>
              <strong>{`${a.day} ${a.start}`}</strong>
              <span className="kiosk-booking-where">{`${a.hallName} · ${a.categoryName}`}</span>
            </span>
            {new Date(a.cancelBefore).getTime() > Date.now() ? (
              <Button
                danger
                size="large"
                loading={cancelling.busy}
                data-testid="kiosk-booking-cancel"
                onClick={() =>
                  modal.confirm({
                    title: t('appointments.cancelConfirm'),
                    okText: t('appointments.cancel'),
                    cancelText: t('kiosk.back'),
                    okButtonProps: { danger: true },
                    className: 'kiosk-modal',
                    centered: true,
                    onOk: () => cancelling.run(a.id),
                  })
                }
              >
                {t('appointments.cancel')}
              </Button>
            ) : (
              <span className="kiosk-booking-where">{t('kiosk.booking.tooLate')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
