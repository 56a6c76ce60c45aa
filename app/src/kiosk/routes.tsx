import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { deferred } from '../components/deferred.tsx';

const KioskPage = lazy(() => import('./KioskPage.tsx').then((m) => ({ default: m.KioskPage })));
const KioskSetupPage = lazy(() => import('./SetupPage.tsx').then((m) => ({ default: m.SetupPage })));

/** The self-service kiosk runs full screen, outside the portal and workbench layouts. */
export const kioskRoutes: RouteObject[] = [
  deferred('/kiosk', <KioskPage />),
  deferred('/kiosk/setup', <KioskSetupPage />),
];
