import { accountRoutes } from '../accounts/routes.ts';
import { signInRoutes } from '../accounts/sign-in-routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { hallRoutes } from '../organisations/hall-routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { regionRoutes } from '../regions/routes.ts';
import { systemRoutes } from '../system/routes.ts';
import type { App } from './types.ts';

/** Every module's routes, mounted under /api. */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(systemRoutes);
  await app.register(signInRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(regionRoutes);
  await app.register(organisationRoutes);
  await app.register(hallRoutes);
}
