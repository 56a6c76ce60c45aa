import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { HALLS, MINE, SLOTS } from './api.ts';
import type { Appointment } from './types.ts';

/** Cancelling one of the person's bookings by its id: the lists and free places read again, 已取消 told. */
export function useCancelAppointment() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useWrite<string, Appointment>({
    action: (id) => api.post<Appointment>(`/api/appointments/${encodeURIComponent(id)}/cancel`),
    invalidates: [MINE, SLOTS, HALLS],
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('appointments.cancelled')),
  });
}
