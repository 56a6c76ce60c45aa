import type { AuditContext } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { registerDevice } from '../kiosk/index.ts';
import type { DemoOrganisations } from './organisations.ts';

/** The demo kiosk's device token (README): enter it once at /kiosk/setup. Never used outside the demo data. */
export const DEMO_KIOSK_TOKEN = 'demo-kiosk-xian-city-hall-01';

/** One self-service kiosk in the city service centre's hall. */
export async function seedDemoKiosks(options: {
  db: DbOrTx;
  audit: AuditContext;
  orgs: DemoOrganisations;
}): Promise<void> {
  await registerDevice({
    db: options.db,
    audit: options.audit,
    input: { hallId: options.orgs.cityHall, name: '一楼大厅自助终端 1 号' },
    token: DEMO_KIOSK_TOKEN,
  });
}
