import { accountRoutes } from '../accounts/routes.ts';
import { signInRoutes } from '../accounts/sign-in-routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { caseRoutes } from '../cases/routes.ts';
import { catalogueExcelRoutes } from '../catalogue/excel-routes.ts';
import { cataloguePublicRoutes } from '../catalogue/public-routes.ts';
import { catalogueRoutes } from '../catalogue/routes.ts';
import { catalogueVersionRoutes } from '../catalogue/version-routes.ts';
import { certificateRoutes } from '../certificates/routes.ts';
import type { App } from '../core/http/types.ts';
import { fileRoutes } from '../files/routes.ts';
import { kioskSessionGuard } from '../kiosk/guard.ts';
import { kioskRoutes } from '../kiosk/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { hallRoutes } from '../organisations/hall-routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { regionRoutes } from '../regions/routes.ts';
import { registryRoutes } from '../registries/routes.ts';
import { systemRoutes } from '../system/routes.ts';

/** Every module's routes, mounted under /api. */
export async function registerRoutes(app: App): Promise<void> {
  // Before every route: an applicant session opened at a kiosk holds only while its kiosk session does.
  await app.register(kioskSessionGuard);
  await app.register(systemRoutes);
  await app.register(signInRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(regionRoutes);
  await app.register(organisationRoutes);
  await app.register(hallRoutes);
  await app.register(catalogueRoutes);
  await app.register(catalogueVersionRoutes);
  await app.register(catalogueExcelRoutes);
  await app.register(cataloguePublicRoutes);
  await app.register(caseRoutes);
  await app.register(certificateRoutes);
  await app.register(calendarRoutes);
  await app.register(fileRoutes);
  await app.register(notificationRoutes);
  await app.register(kioskRoutes);
  await app.register(registryRoutes);
}
