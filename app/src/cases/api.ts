import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseAction } from '../../../common/cases/state-machine.ts';
import { api, type Query } from '../api/client.ts';
import type { ListAnswer } from '../api/lists.ts';
import type { ActionBody, CaseDetail, CaseSummary, MaterialRef, Progress, SubmitBody } from './types.ts';

export const CASES = '/api/cases';

export function useCases(query: Query, enabled = true) {
  return useQuery({
    queryKey: [CASES, query],
    queryFn: () => api.get<ListAnswer<CaseSummary>>(CASES, query),
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: [CASES, id],
    queryFn: () => api.get<CaseDetail>(`${CASES}/${encodeURIComponent(id)}`),
  });
}

/**
 * Keeps the cached case current after an action and marks the lists stale. A read of the case
 * still on its way is cancelled first: answered after the action, it would put the case as it
 * was before back in the cache.
 */
export function useCaseUpdated() {
  const client = useQueryClient();
  return async (next: CaseDetail) => {
    await client.cancelQueries({ queryKey: [CASES, next.id], exact: true });
    client.setQueryData([CASES, next.id], next);
    void client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === CASES && typeof q.queryKey[1] === 'object',
    });
  };
}

/** Submits an application; the same idempotency key never files a second case. */
export function submitCase(body: SubmitBody, idempotencyKey: string) {
  return api.post<CaseDetail>(CASES, body, { 'idempotency-key': idempotencyKey });
}

/** Does one action on the case at its current version. */
export function actOnCase(detail: CaseDetail, action: CaseAction, body: ActionBody = {}) {
  return api.post<CaseDetail>(`${CASES}/${detail.id}/${action.replaceAll('_', '-')}`, {
    ...body,
    version: detail.version,
  });
}

/** Stores a file (PDF, JPG, PNG) and returns it as a material of the given key. */
export async function uploadMaterial(key: string, file: File): Promise<MaterialRef> {
  const stored = await api.upload<{ sha256: string }>(
    `/api/files?name=${encodeURIComponent(file.name)}`,
    file,
    file.type || 'application/octet-stream',
  );
  return { key, sha256: stored.sha256, fileName: file.name };
}

export function lookUpProgress(caseNo: string, code: string) {
  return api.get<Progress>('/api/progress', { caseNo, code });
}

export const noticeUrl = (caseId: string, kind: string) => `${CASES}/${caseId}/notices/${kind}`;

/** The 申请书: the application form the case was filed with, as a PDF. */
export const applicationPdfUrl = (caseId: string) => `${CASES}/${caseId}/application.pdf`;
