import { createBrowserRouter } from 'react-router';
import { kioskRoutes, portalRoutes } from './routing/portal-routes.tsx';
import { workbenchRoutes } from './routing/workbench-routes.tsx';

export const router = createBrowserRouter([...kioskRoutes, portalRoutes, workbenchRoutes]);
