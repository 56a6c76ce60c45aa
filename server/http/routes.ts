import { systemRoutes } from '../system/routes.ts';
import type { App } from './types.ts';

/** Every module's routes, mounted under /api. */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(systemRoutes);
}
