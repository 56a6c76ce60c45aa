import type { GrantView } from '../../../../common/me.ts';
import type { OrganisationKind, RegionLevel, WindowKind } from '../../../../common/roles.ts';

/** Shapes of the admin API's answers (server/regions, server/organisations, server/accounts, server/audit). */
export type Region = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
  depth: number;
  hasChildren?: boolean;
};

export type RegionDetail = Region & { ancestors: Region[] };

export type Organisation = {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  regionCode: string;
  regionName: string;
  parentId: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Hall = {
  id: string;
  organisationId: string;
  organisationName: string;
  regionCode: string;
  name: string;
  address: string;
  openingHours: string;
  phone: string | null;
  active: boolean;
  windowCount: number;
  version: number;
};

export type HallWindow = {
  id: string;
  hallId: string;
  number: string;
  name: string;
  kind: WindowKind;
  departmentId: string | null;
  departmentName: string | null;
  active: boolean;
  version: number;
};

export type Account = {
  id: string;
  kind: string;
  login: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  organisationId: string | null;
  organisationName: string | null;
  active: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  version: number;
  roles: GrantView[];
};

export type AuditRecord = {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  clientAddress: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
};

export type AuditVerification = {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  brokenAt: { seq: number; problem: 'content_altered' | 'link_broken' } | null;
  checkpoints?: {
    checked: number;
    latest: { seq: number; headHash: string; at: string } | null;
    problems: { line: number; seq: number | null; problem: CheckpointProblem }[];
    problemCount: number;
  };
};

export type CheckpointProblem =
  | 'line_malformed'
  | 'unknown_key'
  | 'signature_invalid'
  | 'log_chain_broken'
  | 'chain_truncated'
  | 'hash_differs';
