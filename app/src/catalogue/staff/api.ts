import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImplementationDocument } from '../../../../common/catalogue/guide.ts';
import { api } from '../../api/client.ts';
import type { ListAnswer } from '../../api/lists.ts';
import type {
  BasicMatter,
  BasicMatterInput,
  Change,
  Completeness,
  ImplementationDetail,
  ImplementationRow,
  NewImplementation,
  VersionState,
} from './types.ts';

const BASE = '/api/catalogue';
/** The staff's implementation answers (lists, details, completeness, diffs, versions) are cached under this path. */
export const IMPLEMENTATIONS = `${BASE}/implementations`;
const impl = (id: string) => `${BASE}/implementations/${encodeURIComponent(id)}`;

export type ImplementationQuery = { status?: string; departmentId?: string; q?: string; page: number };
export const STAFF_PAGE_SIZE = 20;

export function useImplementations(query: ImplementationQuery) {
  const params = {
    status: query.status,
    departmentId: query.departmentId,
    q: query.q,
    limit: STAFF_PAGE_SIZE,
    offset: (query.page - 1) * STAFF_PAGE_SIZE,
  };
  return useQuery({
    queryKey: [`${BASE}/implementations`, params],
    queryFn: () => api.get<ListAnswer<ImplementationRow>>(`${BASE}/implementations`, params),
  });
}

export function useImplementation(id: string) {
  return useQuery({
    queryKey: [`${BASE}/implementations`, id],
    queryFn: () => api.get<ImplementationDetail>(impl(id)),
  });
}

export function useCompleteness(id: string, rev: number | undefined) {
  return useQuery({
    queryKey: [`${BASE}/implementations`, id, 'completeness', rev],
    queryFn: () => api.get<Completeness>(`${impl(id)}/completeness`),
  });
}

/** The changes from one version to another (a list, however the server wraps it). */
export function useDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [`${BASE}/implementations`, id, 'diff', from, to],
    enabled: from !== undefined && to !== undefined,
    queryFn: async () => {
      const answer = await api.get<Change[] | { changes: Change[] } | { items: Change[] }>(
        `${impl(id)}/diff`,
        {
          from,
          to,
        },
      );
      if (Array.isArray(answer)) return answer;
      return 'changes' in answer ? answer.changes : answer.items;
    },
  });
}

export function useVersion(id: string, versionNo: number | undefined) {
  return useQuery({
    queryKey: [`${BASE}/implementations`, id, 'version', versionNo],
    enabled: versionNo !== undefined,
    queryFn: () => api.get<VersionState>(`${impl(id)}/versions/${versionNo}`),
  });
}

export function searchBasicMatters(q: string) {
  return api.get<ListAnswer<BasicMatter> | BasicMatter[]>(`${BASE}/basic-matters`, { q, limit: 20 });
}

export const catalogueApi = {
  createBasicMatter: (input: BasicMatterInput) => api.post<BasicMatter>(`${BASE}/basic-matters`, input),
  createImplementation: (input: NewImplementation) =>
    api.post<ImplementationDetail>(`${BASE}/implementations`, input),
  saveDraft: (id: string, rev: number, document: ImplementationDocument) =>
    api.put<VersionState>(`${impl(id)}/draft`, { rev, document }),
  openDraft: (id: string) => api.post<VersionState>(`${impl(id)}/draft`),
  submit: (id: string, rev: number) => api.post<VersionState>(`${impl(id)}/submit`, { rev }),
  approve: (id: string, comment: string) =>
    api.post<VersionState>(`${impl(id)}/approve`, comment ? { comment } : {}),
  reject: (id: string, comment: string) => api.post<VersionState>(`${impl(id)}/reject`, { comment }),
  retire: (id: string) => api.post<VersionState>(`${impl(id)}/retire`),
  importWorkbook: (file: Blob) =>
    api.upload<{ imported: number }>(
      `${BASE}/import`,
      file,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ),
};

/** Forgets every cached implementation answer, after a change. */
export function useRefreshImplementations() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [`${BASE}/implementations`] });
}
