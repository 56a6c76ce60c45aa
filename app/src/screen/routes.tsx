import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { deferred } from '../components/deferred.tsx';

const ScreenPage = lazy(() => import('./ScreenPage.tsx').then((m) => ({ default: m.ScreenPage })));

/** The big screen (大屏) runs full screen on a wall, outside the portal and workbench layouts. */
export const screenRoutes: RouteObject[] = [deferred('/screen', <ScreenPage />)];
