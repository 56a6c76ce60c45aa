import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../core/config.ts';
import type { App } from '../core/http/types.ts';
import { seedDemo } from '../demo/seed.ts';
import { buildApp } from '../http/app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export type TestApp = { app: App; db: TestDatabase; config: Config; close: () => Promise<void> };

/**
 * An app on a fresh test database, optionally with the demo data loaded. Not listening: use app.inject.
 * Without a DATA_DIR in `env` it stores files in a temporary folder of its own, removed on close.
 */
export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const ownDataDir = options.env?.DATA_DIR ? null : await fs.mkdtemp(path.join(os.tmpdir(), 'yw-test-app-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    ...options.env,
  });
  if (options.demo) await seedDemo(db.db, config);
  const app = await buildApp({ config, database: db, logger: false, serveApp: false });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.drop();
      if (ownDataDir) await fs.rm(ownDataDir, { recursive: true, force: true });
    },
  };
}
