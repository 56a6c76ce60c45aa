import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { SLOTS, useBookableDays, useBookingHalls, useSlots } from '../api.ts';
import type { Appointment, BookBody } from '../types.ts';
import { BOOKINGS } from './api.ts';

type Values = { idNumber: string; name?: string; categoryId?: string; day?: string; start?: string };

/** 电话预约: a clerk books a slot for a caller, by the caller's ID number and name. */
export function PhoneBooking({ hallId, onBooked }: { hallId: string; onBooked: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const halls = useBookingHalls();
  const days = useBookableDays(hallId);
  const categoryId = Form.useWatch('categoryId', form);
  const day = Form.useWatch('day', form);
  const slots = useSlots(categoryId, day);
  const categories = halls.data?.find((h) => h.id === hallId)?.categories ?? [];
  const booking = useWrite<BookBody, Appointment>({
    action: (body) => api.post<Appointment>('/api/appointments', body),
    invalidates: [BOOKINGS, SLOTS],
    form,
    refreshOnError: true,
    onSuccess: (a) => {
      message.success(t('appointments.staff.phoneBooked', { name: a.name, day: a.day, start: a.start }));
      form.resetFields();
      onBooked(a);
    },
  });
  return (
    <Card title={t('appointments.staff.phone')} className="appointments-staff-card">
      <Form<Values>
        form={form}
        layout="vertical"
        className="appointments-staff-phone"
        data-testid="phone-booking"
        onFinish={(v) =>
          void booking.run({
            categoryId: v.categoryId ?? '',
            day: v.day ?? '',
            start: v.start ?? '',
            idNumber: v.idNumber.trim(),
            ...(v.name?.trim() ? { name: v.name.trim() } : {}),
          })
        }
      >
        <Form.Item name="idNumber" label={t('appointments.staff.idNumber')} rules={[{ required: true }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('appointments.staff.callerName')}
          extra={t('appointments.staff.nameHint')}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('appointments.category')} rules={[{ required: true }]}>
          <Select
            data-testid="phone-category"
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('start', undefined)}
          />
        </Form.Item>
        <Form.Item name="day" label={t('appointments.day')} rules={[{ required: true }]}>
          <Select
            data-testid="phone-day"
            options={(days.data ?? []).map((d) => ({
              value: d.day,
              label: `${d.day} ${d.open}–${d.close}${d.extra ? ` · ${t('appointments.extraDay')}` : ''}`,
            }))}
            onChange={() => form.setFieldValue('start', undefined)}
          />
        </Form.Item>
        <Form.Item name="start" label={t('appointments.slot')} rules={[{ required: true }]}>
          <Select
            data-testid="phone-slot"
            disabled={!slots.data}
            options={(slots.data?.slots ?? []).map((s) => ({
              value: s.start,
              disabled: s.left === 0,
              label: `${s.start}–${s.end} · ${s.left === 0 ? t('appointments.full') : t('appointments.left', { count: s.left })}`,
            }))}
          />
        </Form.Item>
        {booking.problem ? (
          <Alert type="error" showIcon message={booking.problem} data-testid="phone-problem" />
        ) : null}
        <Button type="primary" htmlType="submit" loading={booking.busy} data-testid="phone-book">
          {t('appointments.staff.book')}
        </Button>
      </Form>
    </Card>
  );
}
