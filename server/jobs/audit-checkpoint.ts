import {
  AUDIT_CHECKPOINT_LOCK,
  linkAuditRecords,
  type WrittenCheckpoint,
  writeCheckpointLocked,
} from '../audit/index.ts';
import type { AuditCheckpointConfig } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

export type AuditCheckpoints = PeriodicJob<{ checkpoint: WrittenCheckpoint | null }>;

/**
 * Writes a signed checkpoint of the audit chain's head into the checkpoint log every
 * `intervalSeconds`, when the head has moved since the last checkpoint of the log; 0 starts no
 * timer (runOnce still works). What is queued is linked first, committed on its own. The
 * checkpoint lock lets one of several processes write at a time.
 */
export function startAuditCheckpoints(options: {
  db: Db;
  config: AuditCheckpointConfig;
  intervalSeconds: number;
  log: (message: string) => void;
}): AuditCheckpoints {
  return startPeriodicJob({
    db: options.db,
    lock: AUDIT_CHECKPOINT_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: options.intervalSeconds,
    work: async (tx) => {
      await linkAuditRecords(options.db);
      return { checkpoint: await writeCheckpointLocked(tx, { config: options.config, onlyIfMoved: true }) };
    },
    report: () => null,
    failure: 'audit checkpoint',
    log: options.log,
  });
}
