/**
 * The audit trail: recording changes in a hash chain, listing and verifying it, signed checkpoints.
 * The front door of the module: other modules import only from here.
 */
export { AUDIT_CHECKPOINT_LOCK, type WrittenCheckpoint, writeCheckpointLocked } from './checkpoints/write.ts';
export { type AuditRouteOptions, auditRoutes } from './routes.ts';
export {
  type AuditContext,
  type AuditEntry,
  type AuditVerification,
  auditRow,
  linkAuditRecords,
  listAuditRecords,
  recordAudit,
  verifyAuditChain,
} from './service.ts';
export { auditRecords } from './tables.ts';
