import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import type { Guide } from '../catalogue/types.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { MINE, SLOTS, useBookableDays, useBookingHalls, useSlots } from './api.ts';
import { DayPicker, SlotPicker } from './pickers.tsx';
import type { Appointment, AppointmentHall, BookBody } from './types.ts';

/** What the page was opened with (?hall=…&category=…&matter=…), e.g. from a guide's 预约办理. */
export type BookingPreset = { hall?: string; category?: string; matter?: string };

/** Choosing a hall, a category, a day and a time, and booking it in the person's own name. */
export function Booking({ name, preset }: { name: string; preset: BookingPreset }) {
  const halls = useBookingHalls();
  if (halls.isPending) return <Loading />;
  if (halls.isError) return <LoadError error={halls.error} onRetry={() => void halls.refetch()} />;
  return <BookingForm name={name} halls={halls.data} preset={preset} />;
}

/** The hall and category to start with: the preset's when it names a hall taking bookings. */
function initial(halls: AppointmentHall[], preset: BookingPreset) {
  const hall = halls.find((h) => h.id === preset.hall);
  if (!hall) return { hallId: undefined, categoryId: undefined };
  const category = hall.categories.find((c) => c.id === preset.category) ?? hall.categories[0];
  return { hallId: hall.id, categoryId: category?.id };
}

function BookingForm({
  name,
  halls,
  preset,
}: {
  name: string;
  halls: AppointmentHall[];
  preset: BookingPreset;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hallId, setHallId] = useState<string | undefined>(() => initial(halls, preset).hallId);
  const [categoryId, setCategoryId] = useState<string | undefined>(() => initial(halls, preset).categoryId);
  const [day, setDay] = useState<string>();
  const [start, setStart] = useState<string>();
  const days = useBookableDays(hallId);
  const slots = useSlots(categoryId, day);
  const hall = halls.find((h) => h.id === hallId);
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
  return (
    <Card className="appointments-card">
      {preset.matter ? <MatterNote implementationId={preset.matter} /> : null}
      <div className="appointments-step">
        <div className="appointments-label">{t('appointments.hall')}</div>
        <Select
          className="appointments-hall"
          data-testid="appointment-hall"
          placeholder={t('appointments.hallPlaceholder')}
          value={hallId}
          options={halls.map((h) => ({ value: h.id, label: h.name }))}
          onChange={(id: string) => {
            setHallId(id);
            setCategoryId(halls.find((h) => h.id === id)?.categories[0]?.id);
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
          <DayPicker
            days={days.data}
            value={day}
            onChange={(d) => {
              setDay(d);
              setStart(undefined);
            }}
          />
          {chosenDay?.extra ? <div className="appointments-note">{t('appointments.extraNote')}</div> : null}
        </div>
      ) : null}
      {day && categoryId && slots.data ? (
        <div className="appointments-step">
          <div className="appointments-label">{t('appointments.slot')}</div>
          <SlotPicker slots={slots.data.slots} value={start} onChange={setStart} />
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

/** "为办理「…」预约" with a link back to the matter's guide. */
function MatterNote({ implementationId }: { implementationId: string }) {
  const { t } = useTranslation();
  const guide = useQuery({
    queryKey: ['/api/catalogue/guides', implementationId],
    queryFn: () => api.get<Guide>(`/api/catalogue/guides/${encodeURIComponent(implementationId)}`),
    retry: false,
  });
  if (!guide.data) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="appointments-alert"
      data-testid="appointment-matter"
      message={t('appointments.forMatter', { matter: guide.data.document.name })}
      action={<Link to={`/guide/${encodeURIComponent(implementationId)}`}>{t('appointments.guide')}</Link>}
    />
  );
}
