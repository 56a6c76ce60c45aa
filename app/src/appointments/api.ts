import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AppointmentHall, BookableDay, MatterBookingHall, MyAppointments, SlotList } from './types.ts';

export const HALLS = '/api/appointments/halls';
export const MINE = '/api/appointments/mine';
export const SLOTS = '/api/appointments/slots';

/** The halls where one can book, with their categories. */
export function useBookingHalls() {
  return useQuery({ queryKey: [HALLS], queryFn: () => api.get<AppointmentHall[]>(HALLS) });
}

/** The days of a hall that can be booked now. */
export function useBookableDays(hallId: string | undefined) {
  return useQuery({
    queryKey: [HALLS, hallId, 'days'],
    queryFn: () => api.get<BookableDay[]>(`${HALLS}/${encodeURIComponent(hallId!)}/days`),
    enabled: !!hallId,
  });
}

/** The slots of a category on a day, with the places left. */
export function useSlots(categoryId: string | undefined, day: string | undefined) {
  return useQuery({
    queryKey: [SLOTS, categoryId, day],
    queryFn: () => api.get<SlotList>(SLOTS, { categoryId, day }),
    enabled: !!categoryId && !!day,
  });
}

/** The signed-in person's bookings and suspensions. */
export function useMyAppointments() {
  return useQuery({ queryKey: [MINE], queryFn: () => api.get<MyAppointments>(MINE) });
}

/** The halls where a published matter can be booked, the one to go to first. */
export function useMatterBookingHalls(implementationId: string) {
  return useQuery({
    queryKey: [HALLS, 'matter', implementationId],
    queryFn: () =>
      api.get<MatterBookingHall[]>(`/api/appointments/matters/${encodeURIComponent(implementationId)}/halls`),
    retry: false,
  });
}
