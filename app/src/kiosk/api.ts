import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/kiosk/api.ts';
import { ApiError, type ApiErrorBody, api, setCsrfToken } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { IdCard } from './reader.ts';

/** The kiosk as the server knows it (GET /api/kiosk/device). */
export type KioskDevice = Wire<typeof Api.KioskDevice>;

/** The applicant signed in at the kiosk, by name and masked ID number. */
export type KioskSession = Wire<typeof Api.KioskSession>;

export type KioskMatter = Wire<typeof Api.KioskMatter>;

/** What the kiosk sends of the card it read (POST /api/kiosk/identify). */
type IdentifyBody = Wire<typeof Api.IdCardBody>;

/**
 * A GET with the device token, and the session cookie of a card read if there is one (the shared
 * client sends extra headers on POST only).
 */
export async function getAsDevice<T>(path: string, token: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json', 'accept-language': currentLanguage(), 'x-kiosk-token': token },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: '无法连接服务器，请检查网络' });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as ApiErrorBody | undefined)?.error;
    throw new ApiError(response.status, error ?? { code: 'http', message: `${response.status}` });
  }
  return data as T;
}

export const fetchDevice = (token: string) => getAsDevice<KioskDevice>('/api/kiosk/device', token);

export const fetchPopular = (token: string) =>
  getAsDevice<{ items: KioskMatter[] }>('/api/kiosk/matters/popular', token).then((a) => a.items);

/**
 * Sends what the reader read: name and number to identify the holder, sex, birth date and
 * validity to be checked. Ethnicity, address and issuing authority stay on the kiosk.
 */
export async function identify(token: string, card: IdCard): Promise<KioskSession> {
  const body: IdentifyBody = {
    name: card.name,
    idNumber: card.idNumber,
    sex: card.sex,
    birthDate: card.birthDate,
    validUntil: card.validUntil,
  };
  const send = () => api.post<KioskSession>('/api/kiosk/identify', body, { 'x-kiosk-token': token });
  let session: KioskSession;
  try {
    session = await send();
  } catch (error) {
    // A session this page lost track of (a sign-out that did not reach the server) is ended first.
    if (!(error instanceof ApiError && error.code === 'auth.csrf_invalid')) throw error;
    await endAnySession();
    session = await send();
  }
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session this browser still holds, if it is a live kiosk session. */
export async function currentSession(): Promise<KioskSession | null> {
  try {
    const session = await api.get<KioskSession>('/api/kiosk/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/kiosk/sign-out');
  } finally {
    setCsrfToken(null);
  }
}

/** Ends whatever session this browser holds: a kiosk one, or any other left behind on the kiosk. */
export async function endAnySession(): Promise<void> {
  try {
    if (await currentSession()) return await signOut();
    const me = await api.get<{ csrfToken: string }>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    await api.post('/api/auth/logout');
  } catch {
    // signed out already
  } finally {
    setCsrfToken(null);
  }
}
