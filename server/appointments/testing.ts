import type { Browser } from '../accounts/testing.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';

/** A hall with a signed-in manager and one category of `capacity` places a slot. */
export async function buildBookingHall(
  app: App,
  db: Db,
  options: { capacity?: number; categoryName?: string } = {},
) {
  const hall = await buildHall(db);
  const manager = await signIn(
    app,
    await buildStaff(db, { role: 'hall_manager', organisationId: hall.organisationId }),
  );
  const category = await addCategory(
    manager,
    hall.id,
    options.categoryName ?? '综合窗口',
    options.capacity ?? 3,
  );
  return { hall, manager, category };
}

export async function addCategory(manager: Browser, hallId: string, name: string, capacity: number) {
  const res = await manager.request({
    method: 'POST',
    url: `/api/appointments/halls/${hallId}/categories`,
    payload: { name, capacity },
  });
  if (res.statusCode !== 201) throw new Error(`category: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; capacity: number };
}

/** The days of a hall that can be booked now. */
export async function bookableDays(app: App, hallId: string) {
  const res = await app.inject({ method: 'GET', url: `/api/appointments/halls/${hallId}/days` });
  if (res.statusCode !== 200) throw new Error(`days: ${res.statusCode} ${res.body}`);
  return res.json() as { day: string; weekday: number; open: string; close: string; extra: boolean }[];
}

/** The actor of an applicant account, as a service sees it. */
export const personActor = (accountId: string): Actor => ({
  accountId,
  kind: 'person',
  login: accountId,
  displayName: '测试',
  organisationId: null,
  grants: [{ role: 'applicant', organisationId: null, regionPath: null }],
});
