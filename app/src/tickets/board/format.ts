/** Seconds as minutes with at most one decimal (996 → "16.6", 1380 → "23"); null for nothing measured. */
export function minutesOf(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined) return null;
  return String(Math.round(seconds / 6) / 10);
}

/** A China-time clock reading of an instant, HH:MM:SS. */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 19);
}
