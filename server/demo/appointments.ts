import { appointmentCategories } from '../appointments/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import type { DemoOrganisations } from './organisations.ts';

/** What the demo halls take bookings for, with the places of each 30-minute slot (default hours and rules). */
export async function seedDemoAppointments(options: { db: DbOrTx; orgs: DemoOrganisations }): Promise<void> {
  const { orgs } = options;
  await options.db.insert(appointmentCategories).values([
    { hallId: orgs.cityHall, name: '市场监管综合窗口', capacity: 4 },
    { hallId: orgs.cityHall, name: '不动产登记', capacity: 3 },
    { hallId: orgs.cityHall, name: '社保医保', capacity: 3 },
    { hallId: orgs.districtHall, name: '综合受理窗口', capacity: 2 },
  ]);
}
