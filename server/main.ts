import { ConfigError, loadConfig } from './config/config.ts';
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

try {
  if (config.buildApp && !process.argv.includes('--dev'))
    await ensureAppBuilt((m) => console.log(`[yiwang] ${m}`));
  const server = await startServer(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info(`${signal} received, shutting down`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
