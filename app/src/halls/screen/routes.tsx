import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { deferred } from '../../components/deferred.tsx';

const ScreenPage = lazy(() => import('./ScreenPage.tsx').then((m) => ({ default: m.ScreenPage })));

/** A hall's calling screen (叫号屏) runs full screen on a TV, outside the portal and workbench layouts. */
export const hallScreenRoutes: RouteObject[] = [deferred('/halls/:id/screen', <ScreenPage />)];
