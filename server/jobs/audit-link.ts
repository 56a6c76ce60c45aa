import { linkAuditRecords } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the linker job, so that one process at a time runs it. */
export const AUDIT_LINK_LOCK = 7_262_103;

/** How often committed audit records are linked into the chain. */
export const AUDIT_LINK_INTERVAL_SECONDS = 1;

export type AuditLink = PeriodicJob<{ linked: number }>;

/**
 * Links the committed audit records waiting in the queue into the chain (linkAuditRecords):
 * every `intervalSeconds`; 0 starts no timer (runOnce still works; a verification links first
 * anyway). A transaction-scoped advisory lock lets one of several processes link at a time.
 */
export function startAuditLink(options: {
  db: Db;
  intervalSeconds: number;
  log: (message: string) => void;
}): AuditLink {
  return startPeriodicJob({
    db: options.db,
    lock: AUDIT_LINK_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: options.intervalSeconds,
    work: async (tx) => ({ linked: await linkAuditRecords(tx) }),
    report: () => null,
    failure: 'audit chain linking',
    log: options.log,
  });
}
