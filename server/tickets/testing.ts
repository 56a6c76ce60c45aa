import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

export { ok };

/**
 * A hall with windows 1–3 (or more), its manager and a clerk signed in, categories A (综合受理) and
 * B (不动产); window 3 serves B, every other window A.
 */
export async function buildTicketHall(app: App, db: Db, windowCount = 3) {
  const hall = await buildHall(db, {
    windows: Array.from({ length: windowCount }, (_, i) => ({
      number: String(i + 1),
      name: `${i + 1}号窗口`,
      kind: 'comprehensive' as const,
    })),
  });
  const manager = await signIn(
    app,
    await buildStaff(db, { role: 'hall_manager', organisationId: hall.organisationId }),
  );
  const clerk = await signIn(
    app,
    await buildStaff(db, { role: 'window_clerk', organisationId: hall.organisationId }),
  );
  const url = `/api/tickets/halls/${hall.id}/categories`;
  const a = await ok(manager, 'POST', url, { letter: 'A', name: '综合受理' }, 201);
  const b = await ok(manager, 'POST', url, { letter: 'B', name: '不动产' }, 201);
  const ids = hall.windows.map((w) => w.id);
  for (const [i, id] of ids.entries())
    await ok(manager, 'PUT', `/api/tickets/windows/${id}/categories`, {
      categoryIds: [i === 2 ? b.id : a.id],
    });
  const [w1, w2, w3] = ids as [string, string, string];
  return {
    hall,
    manager,
    clerk,
    categories: { a: a.id as string, b: b.id as string },
    windows: [w1, w2, w3] as const,
    allWindows: ids,
  };
}
