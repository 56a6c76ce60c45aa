import { accountRoutes, signInRoutes } from '../accounts/index.ts';
import { appointmentRoutes } from '../appointments/index.ts';
import { assessmentRoutes } from '../assessment/index.ts';
import { assistanceRoutes } from '../assistance/index.ts';
import { auditRoutes } from '../audit/index.ts';
import { calendarRoutes } from '../calendar/index.ts';
import { caseRoutes, caseSight, heldResult } from '../cases/index.ts';
import {
  catalogueExcelRoutes,
  cataloguePublicRoutes,
  catalogueRoutes,
  catalogueVersionRoutes,
} from '../catalogue/index.ts';
import { certificateRoutes } from '../certificates/index.ts';
import type { App } from '../core/http/types.ts';
import { fileRoutes } from '../files/index.ts';
import { hotlineRoutes } from '../hotline/index.ts';
import { inspectorRoutes } from '../inspectors/index.ts';
import { kioskAppointmentRoutes, kioskRoutes, kioskSessionGuard, kioskTicketRoutes } from '../kiosk/index.ts';
import { notificationRoutes, sendSms } from '../notifications/index.ts';
import { hallRoutes, organisationIdsUnder, organisationRoutes } from '../organisations/index.ts';
import { ratingRoutes, ratingStaffRoutes } from '../ratings/index.ts';
import { regionSettingsRoutes } from '../region-settings/index.ts';
import { regionRoutes } from '../regions/index.ts';
import { registryRoutes } from '../registries/index.ts';
import { stationRoutes } from '../stations/index.ts';
import { screenRoutes, statisticsRoutes } from '../statistics/index.ts';
import { systemRoutes } from '../system/index.ts';
import { ticketBoardRoutes, ticketRoutes } from '../tickets/index.ts';

/** Every module's routes, mounted under /api. */
export async function registerRoutes(app: App): Promise<void> {
  // Before every route: an applicant session opened at a kiosk holds only while its kiosk session does.
  await app.register(kioskSessionGuard);
  await app.register(systemRoutes);
  await app.register(signInRoutes, { sendCode: sendSms });
  await app.register(accountRoutes);
  await app.register(auditRoutes, { organisationIdsUnder });
  await app.register(regionRoutes);
  await app.register(organisationRoutes);
  await app.register(hallRoutes);
  await app.register(stationRoutes);
  await app.register(catalogueRoutes);
  await app.register(catalogueVersionRoutes);
  await app.register(catalogueExcelRoutes);
  await app.register(cataloguePublicRoutes);
  await app.register(caseRoutes);
  await app.register(certificateRoutes, { caseSight, heldResult });
  await app.register(calendarRoutes);
  await app.register(fileRoutes);
  await app.register(notificationRoutes);
  await app.register(kioskRoutes);
  await app.register(registryRoutes);
  await app.register(appointmentRoutes);
  await app.register(ticketRoutes);
  await app.register(ticketBoardRoutes);
  await app.register(kioskTicketRoutes);
  await app.register(assistanceRoutes);
  await app.register(kioskAppointmentRoutes);
  await app.register(ratingRoutes);
  await app.register(ratingStaffRoutes);
  await app.register(hotlineRoutes);
  await app.register(inspectorRoutes);
  await app.register(regionSettingsRoutes);
  await app.register(assessmentRoutes);
  await app.register(statisticsRoutes);
  await app.register(screenRoutes);
}
