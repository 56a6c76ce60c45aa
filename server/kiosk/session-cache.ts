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
const LIMIT = 10_000;

/** An open kiosk session as last read (times in epoch milliseconds). */
export type KeptKioskSession = { binding: KioskBinding; startedAt: number; lastSeenAt: number };

const kept = new Map<string, { open: KeptKioskSession | null; until: number }>();

/** undefined: not known; null: known not to be a kiosk session; else the open kiosk session. */
export function keptKioskSession(sessionId: string, now: number): KeptKioskSession | null | undefined {
  const hit = kept.get(sessionId);
  if (!hit) return undefined;
  if (hit.until > now) return hit.open;
  kept.delete(sessionId);
  return undefined;
}

export function keepKioskSession(sessionId: string, open: KeptKioskSession | null, now: number): void {
  kept.delete(sessionId);
  kept.set(sessionId, { open, until: now + KIOSK_KEPT_MS });
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
}

export function forgetKioskSession(sessionId: string): void {
  kept.delete(sessionId);
}

/** Forgets the open sessions of a device (deactivated: its session ends at the next request). */
export function forgetKioskSessionsOfDevice(deviceId: string): void {
  for (const [id, entry] of kept) if (entry.open?.binding.deviceId === deviceId) kept.delete(id);
}
