import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../components/status.tsx';
import type { WorkbenchPage } from '../workbench/menu.ts';

const RequirePage = lazy(() =>
  import('../workbench/RequirePage.tsx').then((m) => ({ default: m.RequirePage })),
);

export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A route whose page loads on demand. */
export const deferred = (path: string, page: ReactNode): RouteObject => ({
  path,
  element: <Deferred>{page}</Deferred>,
});

/** A workbench route whose page loads on demand and shows only to roles the menu gives it to. */
export const guarded = (path: string, page: WorkbenchPage, element: ReactNode): RouteObject => ({
  path,
  element: (
    <Deferred>
      <RequirePage page={page}>{element}</RequirePage>
    </Deferred>
  ),
});
