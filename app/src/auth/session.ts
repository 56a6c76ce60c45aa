import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SignInAnswer } from '../accounts/types.ts';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const answer = await api.get<SignInAnswer>('/api/auth/me');
    setCsrfToken(answer.csrfToken);
    return answer.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (null when signed out); undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** Signing in, out and registering, keeping the cached user and CSRF token current. */
export function useSession() {
  const client = useQueryClient();
  const signedIn = (answer: SignInAnswer): Me => {
    setCsrfToken(answer.csrfToken);
    client.setQueryData(ME_KEY, answer.user);
    return answer.user;
  };
  return {
    signInStaff: async (username: string, password: string) =>
      signedIn(await api.post<SignInAnswer>('/api/auth/login', { username, password })),
    signInApplicant: async (kind: 'person' | 'company', login: string, password: string) =>
      signedIn(await api.post<SignInAnswer>('/api/auth/applicant-login', { kind, login, password })),
    signedIn,
    signOut: async () => {
      try {
        await api.post('/api/auth/logout');
      } finally {
        setCsrfToken(null);
        client.clear();
        client.setQueryData(ME_KEY, null);
      }
    },
  };
}

/** The sign-out button's write: the session ended, the cached answers and the CSRF token dropped, then `done`. */
export function useSignOut(done: () => void) {
  const { signOut } = useSession();
  return useWrite({ action: signOut, toast: true, onSuccess: done });
}

/** Where a user lands after signing in. */
export function homeOf(me: Me): string {
  return me.kind === 'staff' ? '/workbench' : '/my';
}
