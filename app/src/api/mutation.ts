import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError, messageOf } from './form-errors.ts';

/** Cached answers to mark stale after a write: an API path (every query under it) or a query key (prefix). */
export type Invalidation = string | QueryKey;

export type WriteOptions<V, R> = {
  /** The request. */
  action: (variables: V) => Promise<R>;
  /** What the write changes; marked stale (and awaited) once it succeeded, before `onSuccess`. */
  invalidates?: readonly Invalidation[];
  /**
   * Where a refusal shows: with a form, a 400 naming one of its fields goes on that field and
   * anything else becomes `problem` (for the form's banner); 'toast' shows it as a message;
   * otherwise it becomes `problem`. A 409 version conflict reads "changed by someone else".
   */
  form?: FormInstance;
  toast?: boolean;
  /** A refusal this write shows in its own way (e.g. an import's rows); true when it did. */
  refused?: (error: unknown) => boolean;
  /** Also mark `invalidates` stale after a refusal (a one-click change whose list may be stale). */
  refreshOnError?: boolean;
  /** What a success leads to (a message, closing a dialog, navigating). */
  onSuccess?: (result: R, variables: V) => unknown;
};

/**
 * Every write of the app: the request through TanStack Query's useMutation, the busy flag, the
 * refusal shown where the user can act on it, and the cached answers it changes marked stale.
 * `run` starts the write unless one is already on its way (a double click sends one request)
 * and resolves with the answer, or undefined when it was refused (the refusal is shown).
 */
export function useWrite<V = void, R = unknown>(options: WriteOptions<V, R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const invalidate = () =>
    Promise.all(
      (latest.current.invalidates ?? []).map((key) =>
        client.invalidateQueries({ queryKey: typeof key === 'string' ? [key] : key }),
      ),
    );

  const mutation = useMutation<R, unknown, V>({
    mutationFn: (variables) => latest.current.action(variables),
    onSuccess: async (result, variables) => {
      await invalidate();
      await latest.current.onSuccess?.(result, variables);
    },
    onError: async (error) => {
      const { form, toast, refused, refreshOnError } = latest.current;
      const conflict = t('common.conflict');
      if (!refused?.(error)) {
        if (toast) message.error(messageOf(error, conflict));
        else setProblem(form ? applyApiError(form, error, conflict) : messageOf(error, conflict));
      }
      if (refreshOnError) await invalidate();
    },
  });

  const { mutateAsync } = mutation;
  const run = useCallback(
    async (variables: V): Promise<R | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setProblem(null);
      try {
        return await mutateAsync(variables);
      } catch {
        return undefined;
      } finally {
        inFlight.current = false;
      }
    },
    [mutateAsync],
  );

  return {
    run,
    busy: mutation.isPending,
    /** The refusal to show above the form or in the dialog (null when none, or when a field shows it). */
    problem,
    /** Shows a problem found before sending (e.g. a missing material), or clears it. */
    setProblem,
  };
}
