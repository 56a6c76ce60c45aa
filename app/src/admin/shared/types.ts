import type { AccountView } from '../../../../common/accounts/api.ts';
import type { Wire } from '../../../../common/api.ts';
import type { HallView, OrganisationView, WindowView } from '../../../../common/organisations/api.ts';
import type { RegionLevel } from '../../../../common/roles.ts';

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

export type Organisation = Wire<typeof OrganisationView>;
export type Hall = Wire<typeof HallView>;
export type HallWindow = Wire<typeof WindowView>;
export type Account = Wire<typeof AccountView>;

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
