import { createBrowserRouter } from 'react-router';
import { kioskRoutes } from './kiosk/routes.tsx';
import { portalRoutes } from './portal/routes.tsx';
import { workbenchRoutes } from './workbench/routes.tsx';

/** The shells' routes: the kiosk (full screen), the public portal and the staff workbench (with the administration). */
export const router = createBrowserRouter([...kioskRoutes, portalRoutes, workbenchRoutes]);
