import type { Browser } from '../accounts/testing.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';

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

/** A request that must answer `status` (200 unless told); its JSON body. */
export async function ok(
  who: Browser,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  status = 200,
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read freely
): Promise<any> {
  const res = await who.request({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
