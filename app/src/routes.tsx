import { createBrowserRouter } from 'react-router';
import { hallScreenRoutes } from './halls/screen/routes.tsx';
import { kioskRoutes } from './kiosk/routes.tsx';
import { portalRoutes } from './portal/routes.tsx';
import { evaluatorRoutes } from './ratings/routes.tsx';
import { screenRoutes } from './screen/routes.tsx';
import { workbenchRoutes } from './workbench/routes.tsx';

/** The shells' routes: the kiosk, the halls' calling screens, the windows' 评价器 and the big screen 大屏 (full screen), the public portal and the staff workbench (with the administration). */
export const router = createBrowserRouter([
  ...kioskRoutes,
  ...hallScreenRoutes,
  ...evaluatorRoutes,
  ...screenRoutes,
  portalRoutes,
  workbenchRoutes,
]);
