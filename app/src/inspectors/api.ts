import './messages.ts';
import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type { Guide, MatterPage } from '../../../common/catalogue/api.ts';
import type * as Api from '../../../common/inspectors/api.ts';
import { api } from '../api/client.ts';

export type InspectorView = Wire<typeof Api.InspectorView>;
export type TaskView = Wire<typeof Api.TaskView>;
export type FindingSummary = Wire<typeof Api.FindingSummary>;
export type FindingView = Wire<typeof Api.FindingView>;
export type FindingEvent = Wire<typeof Api.FindingEventView>;
export type MeAnswer = Wire<typeof Api.MeAnswer>;
export type PublishedFinding = Wire<typeof Api.PublishedFinding>;
export type PublishedList = Wire<typeof Api.PublishedList>;
export type ApplyBody = Wire<typeof Api.ApplyBody>;
export type DecisionBody = Wire<typeof Api.DecisionBody>;
export type TaskBody = Wire<typeof Api.TaskBody>;
export type FindingBody = Wire<typeof Api.FindingBody>;
export type FindingsQuery = Wire<typeof Api.FindingsQuery>;
export type ApplicationsQuery = Wire<typeof Api.ApplicationsQuery>;
export type ConfirmBody = Wire<typeof Api.ConfirmBody>;
export type MatterOption = Wire<typeof Api.MatterOption>;
export type DepartmentOption = Wire<typeof Api.DepartmentOption>;
type List<T> = { items: T[]; total: number };

export const INSPECTORS = '/api/inspectors';
/** Every cached answer of the module starts with INSPECTORS: a write marks them all stale. */
export const ME = `${INSPECTORS}/me`;
export const APPLICATIONS = `${INSPECTORS}/applications`;
export const TASKS = `${INSPECTORS}/tasks`;
export const FINDINGS = `${INSPECTORS}/findings`;
export const INBOX = `${INSPECTORS}/inbox`;
export const PUBLISHED = `${INSPECTORS}/published`;

const id = (value: string) => encodeURIComponent(value);

export { useListLabel as useLabel } from '../i18n/list-label.ts';

/** The signed-in citizen's application, tasks and findings. */
export function useMine(enabled = true) {
  return useQuery({ queryKey: [INSPECTORS, ME], queryFn: () => api.get<MeAnswer>(ME), enabled });
}

/** One finding with its timeline (for its 体验官, the region's supervisors, the assigned department). */
export function useFinding(findingId: string | null) {
  return useQuery({
    queryKey: [INSPECTORS, FINDINGS, findingId],
    queryFn: () => api.get<FindingView>(`${FINDINGS}/${id(findingId ?? '')}`),
    enabled: Boolean(findingId),
    retry: false,
  });
}

/** The address of one screenshot of a finding. */
export const screenshotUrl = (findingId: string, sha256: string) =>
  `${FINDINGS}/${id(findingId)}/screenshots/${id(sha256)}`;

/** Closed findings, published on the portal. */
export function usePublished(page: number, regionCode?: string) {
  return useQuery({
    queryKey: [INSPECTORS, PUBLISHED, { page, regionCode }],
    queryFn: () => api.get<PublishedList>(PUBLISHED, { page, regionCode }),
  });
}

/** The supervisor's applications (every status unless one is given). */
export function useApplications(query: ApplicationsQuery) {
  return useQuery({
    queryKey: [INSPECTORS, APPLICATIONS, query],
    queryFn: () => api.get<List<InspectorView>>(APPLICATIONS, query),
  });
}

/** The supervisor's tasks. */
export function useTasks(query: { status?: TaskView['status']; inspectorId?: string }) {
  return useQuery({
    queryKey: [INSPECTORS, TASKS, query],
    queryFn: () => api.get<List<TaskView>>(TASKS, query),
  });
}

/** The findings of the supervisor's region, or those assigned to my department (`inbox`). */
export function useFindings(scope: 'region' | 'inbox', query: FindingsQuery) {
  const path = scope === 'inbox' ? INBOX : FINDINGS;
  return useQuery({
    queryKey: [INSPECTORS, path, query],
    queryFn: () => api.get<List<FindingSummary>>(path, query),
  });
}

/** Published matters of the supervisor's region, for a task. */
export function useMatterOptions(q: string) {
  return useQuery({
    queryKey: [INSPECTORS, 'matters', q],
    queryFn: () => api.get<List<MatterOption>>(`${INSPECTORS}/matters`, { q }),
  });
}

/** Published matters of the catalogue whose name matches, for a finding. */
export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: ['/api/catalogue/search', 'inspector', q],
    queryFn: () => api.get<Wire<typeof MatterPage>>('/api/catalogue/search', { q, limit: 20 }),
    enabled: q.trim().length > 0,
  });
}

/** The name of a published matter, from its guide. */
export function useMatterName(implementationId: string | null) {
  return useQuery({
    queryKey: ['/api/catalogue/guides', implementationId],
    queryFn: () => api.get<Wire<typeof Guide>>(`/api/catalogue/guides/${id(implementationId ?? '')}`),
    enabled: Boolean(implementationId),
    select: (guide) => guide.document.name,
    retry: false,
  });
}

/** The departments a supervisor may assign a finding to. */
export function useDepartmentOptions() {
  return useQuery({
    queryKey: [INSPECTORS, 'departments'],
    queryFn: () => api.get<List<DepartmentOption>>(`${INSPECTORS}/departments`),
  });
}

/** Stores a screenshot (PNG or JPEG) and returns its hash. */
export async function uploadScreenshot(file: File): Promise<string> {
  const stored = await api.upload<{ sha256: string }>(
    `/api/files?name=${encodeURIComponent(file.name)}`,
    file,
    file.type || 'application/octet-stream',
  );
  return stored.sha256;
}

export const apply = (body: ApplyBody) => api.post<InspectorView>(APPLICATIONS, body);
export const decide = (inspectorId: string, body: DecisionBody) =>
  api.post<InspectorView>(`${APPLICATIONS}/${id(inspectorId)}/decision`, body);
export const createTask = (body: TaskBody) => api.post<TaskView>(TASKS, body);
export const cancelTask = (taskId: string) => api.post<TaskView>(`${TASKS}/${id(taskId)}/cancel`);
export const finishTask = (taskId: string, report: string) =>
  api.post<TaskView>(`${TASKS}/${id(taskId)}/done`, { report });
export const reportFinding = (body: FindingBody) => api.post<FindingView>(FINDINGS, body);
export const assignFinding = (finding: FindingSummary, departmentId: string) =>
  api.post<FindingView>(`${FINDINGS}/${id(finding.id)}/assign`, { departmentId, version: finding.version });
export const rejectFinding = (finding: FindingSummary, reason: string) =>
  api.post<FindingView>(`${FINDINGS}/${id(finding.id)}/reject`, { reason, version: finding.version });
export const rectifyFinding = (finding: FindingSummary, rectification: string) =>
  api.post<FindingView>(`${FINDINGS}/${id(finding.id)}/rectify`, {
    rectification,
    version: finding.version,
  });
export const confirmFinding = (finding: FindingSummary, accepted: boolean, note?: string) =>
  api.post<FindingView>(`${FINDINGS}/${id(finding.id)}/confirm`, {
    accepted,
    ...(note ? { note } : {}),
    version: finding.version,
  });
