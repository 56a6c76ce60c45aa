/**
 * Periodic jobs: the SMS outbox, the warning sweep, audit linking and checkpoints, time limits, sign-in purge.
 * The front door of the module: other modules import only from here.
 */
export { startJobs } from './jobs.ts';
