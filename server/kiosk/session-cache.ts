import { keptFor } from '../core/kept.ts';
import type { KioskBinding } from './sessions.ts';

/**
 * What the last look-up found of an applicant session's kiosk session, kept in this process for a
 * few seconds so that most applicant requests (online ones, with no kiosk session) skip it.
 * Safe because a session's kind never changes: a kiosk session is opened together with its
 * applicant session, and ending it closes that session (which the accounts module then refuses).
 * The idle and time limits are checked against the kept times on each request; a device
 * deactivated by another process is noticed within KIOSK_KEPT_MS.
 */
export const KIOSK_KEPT_MS = 5000;

/** An open kiosk session as last read (times in epoch milliseconds). */
export type KeptKioskSession = { binding: KioskBinding; startedAt: number; lastSeenAt: number };

const kept = keptFor<KeptKioskSession | null>(KIOSK_KEPT_MS);

/** undefined: not known; null: known not to be a kiosk session; else the open kiosk session. */
export function keptKioskSession(sessionId: string, now: number): KeptKioskSession | null | undefined {
  return kept.get(sessionId, now);
}

export function keepKioskSession(sessionId: string, open: KeptKioskSession | null, now: number): void {
  kept.set(sessionId, open, now);
}

export function forgetKioskSession(sessionId: string): void {
  kept.delete(sessionId);
}

/** Forgets the open sessions of a device (deactivated: its session ends at the next request). */
export function forgetKioskSessionsOfDevice(deviceId: string): void {
  for (const [id, open] of kept.entries()) if (open?.binding.deviceId === deviceId) kept.delete(id);
}
