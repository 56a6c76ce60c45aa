import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import { SIGN_IN_PURGE_INTERVAL_SECONDS, startSignInPurge } from './sign-in-purge.ts';
import { startTimeLimits } from './time-limits.ts';

export type Jobs = { stop: () => Promise<void> };

/**
 * The periodic jobs of a server process: the time-limit warning sweep and the purge of expired
 * sessions and sign-in counters. SWEEP_INTERVAL_SECONDS=0 runs neither in this process.
 */
export async function startJobs(options: {
  db: Db;
  config: Pick<Config, 'warningWorkingDays' | 'sweepIntervalSeconds' | 'signIn'>;
  log: (message: string) => void;
}): Promise<Jobs> {
  const timeLimits = await startTimeLimits(options);
  const purge = startSignInPurge({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? SIGN_IN_PURGE_INTERVAL_SECONDS : 0,
    lockMinutes: options.config.signIn.lockMinutes,
    log: options.log,
  });
  return {
    stop: async () => {
      await purge.stop();
      await timeLimits.stop();
    },
  };
}
