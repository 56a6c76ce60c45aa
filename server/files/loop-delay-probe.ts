/**
 * Loaded by tests into a server process they start (`node --import`): answers the message
 * 'loop-delay' on the IPC channel with the longest event-loop delay since the previous one,
 * that is, how long the server could not answer anyone.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
process.on('message', (message) => {
  if (message !== 'loop-delay') return;
  process.send?.({ loopDelayMs: histogram.max / 1e6 });
  histogram.reset();
});
process.channel?.unref();
