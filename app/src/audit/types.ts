import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/audit/api.ts';

/** The audit API's shapes as the app receives them (common/audit/api.ts). */

export type AuditRecord = Wire<typeof Api.AuditRecordView>;
export type AuditVerification = Wire<typeof Api.Verification>;
export type CheckpointProblem = Wire<typeof Api.CheckpointProblem>;
