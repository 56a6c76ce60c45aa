import { prepareCalendar, todayInChina } from '../calendar/index.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import { startWarningSweep, type WarningSweep } from './warning-sweep.ts';

/** At start: the national working calendar is written and checked, then the warning sweep runs. */
export async function startTimeLimits(options: {
  db: Db;
  config: Pick<Config, 'warningWorkingDays' | 'sweepIntervalSeconds'>;
  log: (message: string) => void;
}): Promise<WarningSweep> {
  await prepareCalendar({ db: options.db, today: todayInChina(), log: options.log });
  return startWarningSweep({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds,
    warningDays: options.config.warningWorkingDays,
    log: options.log,
  });
}
