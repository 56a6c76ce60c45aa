import type { TFunction } from 'i18next';
import './messages.ts';

/** Seconds as the panel says them: whole minutes, or "under a minute". */
export function minutesText(t: TFunction, seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  return seconds < 60
    ? t('ticketDesk.seconds')
    : t('ticketDesk.minutes', { count: Math.floor(seconds / 60) });
}

/** Seconds from an ISO time to now (never negative). */
export const secondsSince = (iso: string | null | undefined, now = Date.now()) =>
  iso ? Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000)) : null;
