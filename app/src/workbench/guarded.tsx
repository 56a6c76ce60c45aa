import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Deferred } from '../components/deferred.tsx';
import type { WorkbenchPage } from './menu.ts';

const RequirePage = lazy(() => import('./RequirePage.tsx').then((m) => ({ default: m.RequirePage })));

/** A workbench route whose page loads on demand and shows only to roles the menu gives it to. */
export const guarded = (path: string, page: WorkbenchPage, element: ReactNode): RouteObject => ({
  path,
  element: (
    <Deferred>
      <RequirePage page={page}>{element}</RequirePage>
    </Deferred>
  ),
});
