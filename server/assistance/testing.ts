import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';

export { ok } from '../testing/requests.ts';

/** A hall with an agent, a second agent, a window clerk and the hall manager signed in. */
export async function buildHelpHall(app: App, db: Db) {
  const hall = await buildHall(db);
  const staff = async (role: 'agent' | 'window_clerk' | 'hall_manager', displayName: string) =>
    signIn(app, await buildStaff(db, { role, organisationId: hall.organisationId, displayName }));
  return {
    hall,
    agent: await staff('agent', `帮办员甲${hall.id.slice(0, 4)}`),
    agent2: await staff('agent', `帮办员乙${hall.id.slice(0, 4)}`),
    clerk: await staff('window_clerk', '窗口人员'),
    manager: await staff('hall_manager', '大厅管理员'),
  };
}
