import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import { fetchList } from '../api/lists.ts';
import type {
  AuthorisationView,
  CertificateView,
  HolderKind,
  NewAuthorisation,
  PublicVerification,
} from './types.ts';

export const MY_CERTIFICATES = '/api/me/certificates';

export const pdfUrl = (id: string) => `/api/certificates/${encodeURIComponent(id)}/pdf`;
export const fileUrl = (id: string) => `/api/certificates/${encodeURIComponent(id)}/file`;
export const verifyPath = (code: string) => `/verify/${encodeURIComponent(code)}`;
const authorisationsPath = (certificateId: string) =>
  `${MY_CERTIFICATES}/${encodeURIComponent(certificateId)}/authorisations`;

/** The public check of a verification code; an unknown code is an answer, not an error. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['/api/verify', code],
    queryFn: async (): Promise<PublicVerification> => {
      try {
        return await api.get<PublicVerification>(`/api/verify/${encodeURIComponent(code)}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { result: 'not_found' };
        throw error;
      }
    },
    enabled: code !== '',
    retry: false,
  });
}

/** The signed-in holder's certificates (the wallet). */
export function useMyCertificates() {
  return useQuery({
    queryKey: [MY_CERTIFICATES],
    queryFn: () => fetchList<CertificateView>(MY_CERTIFICATES),
  });
}

export function useAuthorisations(certificateId: string) {
  return useQuery({
    queryKey: [MY_CERTIFICATES, certificateId, 'authorisations'],
    queryFn: () => fetchList<AuthorisationView>(authorisationsPath(certificateId)),
  });
}

export function authorise(certificateId: string, body: NewAuthorisation) {
  return api.post<AuthorisationView>(authorisationsPath(certificateId), body);
}

export function revokeAuthorisation(certificateId: string, authorisationId: string) {
  return api.delete<unknown>(`${authorisationsPath(certificateId)}/${encodeURIComponent(authorisationId)}`);
}

/** A staff look-up of a holder's certificates: only those authorised to the caller come back. */
export function lookUpCertificates(holderKind: HolderKind, holderLogin: string) {
  return fetchList<CertificateView>('/api/certificates/lookup', { holderKind, holderLogin });
}

/** '2025-03-03T02:15:00Z' or '2025-03-03' → '2025-03-03' as the day in China. */
export function chinaDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(value));
}
