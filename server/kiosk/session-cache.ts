import { keptUnder } from '../core/caches.ts';

/**
 * What the last look-up found of an applicant session's kiosk session, kept in this process for a
 * few seconds so that most applicant requests (online ones, with no kiosk session) skip it.
 * Safe because a session's kind never changes: a kiosk session is opened together with its
 * applicant session, and ending it closes that session (which the accounts module then refuses).
 * The idle and time limits are checked against the kept times on each request; a device
 * deactivated by another process is noticed within KIOSK_KEPT_MS. The entry of a closed 'session'
 * and those of a deactivated 'kiosk-device' are forgotten at once (core/caches.ts).
 */
export const KIOSK_KEPT_MS = 5000;

/** The kiosk and hall a request's applicant session is bound to. */
export type KioskBinding = { kioskSessionId: string; deviceId: string; hallId: string };

/** An open kiosk session as last read (times in epoch milliseconds). */
export type KeptKioskSession = { binding: KioskBinding; startedAt: number; lastSeenAt: number };

const kept = keptUnder<KeptKioskSession | null>({
  ttlMs: KIOSK_KEPT_MS,
  dependsOn: {
    session: 'key',
    'kiosk-device': (entries, deviceId) => {
      for (const [id, open] of entries.entries()) if (open?.binding.deviceId === deviceId) entries.delete(id);
    },
  },
});

/** undefined: not known; null: known not to be a kiosk session; else the open kiosk session. */
export function keptKioskSession(sessionId: string, now: number): KeptKioskSession | null | undefined {
  return kept.get(sessionId, now);
}

export function keepKioskSession(sessionId: string, open: KeptKioskSession | null, now: number): void {
  kept.set(sessionId, open, now);
}
