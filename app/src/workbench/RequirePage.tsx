import { useMe } from '../auth/session.ts';
import { Forbidden } from '../components/status.tsx';
import { mayOpen, type WorkbenchPage } from './menu.ts';

/** Renders the page only for users whose roles list it in their menu. */
export function RequirePage({ page, children }: { page: WorkbenchPage; children: React.ReactNode }) {
  const { data: me } = useMe();
  if (!me || !mayOpen(me, page)) return <Forbidden />;
  return <>{children}</>;
}
