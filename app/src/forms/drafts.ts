import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../common/forms/api.ts';
import { api } from '../api/client.ts';
import type { FormValues } from './types.ts';

export const DRAFTS = '/api/cases/drafts';

const draftPath = (implementationId: string) => `${DRAFTS}/${encodeURIComponent(implementationId)}`;

/** The signed-in applicant's saved draft of an application (null when there is none). */
export function useDraft(implementationId: string, enabled = true) {
  return useQuery({
    queryKey: [DRAFTS, implementationId],
    queryFn: () => api.get<Draft | null>(draftPath(implementationId)),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/**
 * The values a draft keeps: the form's values, and null for a prefilled field the applicant
 * emptied (so that resuming does not bring the prefilled value back).
 */
export function draftValues(values: FormValues, prefilled: FormValues): FormValues {
  const cleared = Object.keys(prefilled).filter((key) => values[key] === undefined);
  return { ...values, ...Object.fromEntries(cleared.map((key) => [key, null])) };
}

/** The values to start from: the prefill, with a saved draft's values over it. */
export function resumedValues(prefilled: FormValues, draft: FormValues | null | undefined): FormValues {
  const merged: FormValues = { ...prefilled, ...draft };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null && v !== undefined));
}

export type DraftState = { status: 'idle' | 'saving' | 'saved' | 'failed'; savedAt: Date | null };

const DEBOUNCE_MS = 800;

/**
 * Saves the values as the applicant types (PUT /api/cases/drafts/:implementationId), once they
 * rest for a moment and differ from what was last saved or resumed; and at once, with a request
 * that outlives the page, when the page is hidden or left (a reload, a closed tab, another app on
 * the phone) before that moment came.
 */
export function useDraftAutosave(
  implementationId: string,
  values: FormValues | null,
  prefilled: FormValues,
  /** While the application is being filed nothing is saved: a save landing after it would bring back its draft. */
  filing = false,
): DraftState {
  const client = useQueryClient();
  const held = useRef(filing);
  held.current = filing;
  const [state, setState] = useState<DraftState>({ status: 'idle', savedAt: null });
  /** What the server holds as far as this page knows: saved, or what the page started from. */
  const last = useRef<string | null>(null);
  /** The values not yet saved (null when there are none). */
  const pending = useRef<string | null>(null);
  const body = values ? draftValues(values, prefilled) : null;
  const text = body ? JSON.stringify(body) : null;

  const save = useCallback(
    (saving: string, leaving: boolean) => {
      if (held.current) return;
      setState((before) => ({ ...before, status: 'saving' }));
      const path = draftPath(implementationId);
      const payload = { values: JSON.parse(saving) };
      (leaving ? api.putWhileLeaving(path, payload) : api.put(path, payload))
        .then(() => {
          last.current = saving;
          if (pending.current === saving) pending.current = null;
          setState({ status: 'saved', savedAt: new Date() });
          void client.invalidateQueries({ queryKey: [DRAFTS, implementationId], refetchType: 'none' });
        })
        .catch(() => setState((before) => ({ ...before, status: 'failed' })));
    },
    [implementationId, client],
  );

  useEffect(() => {
    if (text === null) return;
    // What the page started from is not saved again.
    if (last.current === null) {
      last.current = text;
      return;
    }
    if (text === last.current) {
      pending.current = null;
      return;
    }
    pending.current = text;
    const timer = setTimeout(() => {
      if (pending.current === text) save(text, false);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, save]);

  // Hidden or left before the values rested: saved now. A save already under way may be cut off
  // with the page, so the values are sent again with the request that outlives it.
  useEffect(() => {
    const flush = () => {
      if (pending.current !== null) save(pending.current, true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [save]);
  return state;
}
