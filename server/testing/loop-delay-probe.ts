/**
 * Loaded by tests into a server process they start (`node --import`): answers the message
 * 'loop-delay' on the IPC channel with the longest event-loop delay since the previous one,
 * that is, how long the server could not answer anyone, and the message 'held' with the memory
 * the server holds in buffers (ArrayBuffers) after a full garbage collection when the process
 * runs with --expose-gc, that is, whether a file in transfer is held whole.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
process.on('message', (message) => {
  if (message === 'loop-delay') {
    process.send?.({ loopDelayMs: histogram.max / 1e6 });
    histogram.reset();
  } else if (message === 'held') {
    // Buffers are freed by a sweeper that runs after the collection: collect again a moment later.
    globalThis.gc?.();
    setTimeout(() => {
      globalThis.gc?.();
      process.send?.({ heldBytes: process.memoryUsage().arrayBuffers });
    }, 50);
  }
});
process.channel?.unref();
