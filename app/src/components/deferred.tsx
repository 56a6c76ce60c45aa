import { type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from './status.tsx';

export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A route whose page loads on demand. */
export const deferred = (path: string, page: ReactNode): RouteObject => ({
  path,
  element: <Deferred>{page}</Deferred>,
});
