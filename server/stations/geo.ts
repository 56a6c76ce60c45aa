import { AppError } from '../core/errors.ts';

/** A WGS-84 position in degrees. */
export type Position = { latitude: number; longitude: number };

const EARTH_RADIUS_KM = 6371.0088;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two positions, in kilometres (haversine). */
export function distanceKm(a: Position, b: Position): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `near` as the browser sends it ("34.27,108.95"), or a 400 naming `near`. */
export function parseNear(text: string): Position {
  const [latitude, longitude] = text.split(',').map((part) => Number(part.trim()));
  const fine =
    latitude !== undefined &&
    longitude !== undefined &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  if (!fine) {
    throw new AppError('validation.field', {
      field: 'near',
      params: {
        problem: '须为“纬度,经度”，纬度在 -90 至 90 之间，经度在 -180 至 180 之间',
        problemEn: 'must be "latitude,longitude" with latitude within ±90 and longitude within ±180',
      },
    });
  }
  return { latitude, longitude };
}

/** The position of something that may have none. */
export const positionOf = (p: { latitude: number | null; longitude: number | null }): Position | null =>
  p.latitude === null || p.longitude === null ? null : { latitude: p.latitude, longitude: p.longitude };
