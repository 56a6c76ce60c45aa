import { eq } from 'drizzle-orm';
import { appointmentCategories } from '../appointments/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { windows } from '../organisations/index.ts';
import { ticketCategories, ticketWindowCategories } from '../tickets/index.ts';
import type { DemoOrganisations } from './organisations.ts';

type Category = { letter: string; name: string; windows: string[]; booking?: string };

/** The demo halls' ticket categories (取号类别) and the windows that call each. */
const TICKETS: Record<'cityHall' | 'districtHall' | 'streetHall', Category[]> = {
  cityHall: [
    {
      letter: 'A',
      name: '综合受理',
      windows: ['01', '02', '03', '04', '05', '06'],
      booking: '市场监管综合窗口',
    },
    { letter: 'B', name: '综合出件', windows: ['07'] },
    { letter: 'C', name: '咨询导办', windows: ['08'] },
    { letter: 'D', name: '不动产登记', windows: ['10', '04'], booking: '不动产登记' },
    { letter: 'E', name: '社保医保', windows: ['12', '13', '05'], booking: '社保医保' },
  ],
  districtHall: [
    { letter: 'A', name: '综合受理', windows: ['01', '02'], booking: '综合受理窗口' },
    { letter: 'B', name: '综合出件', windows: ['03'] },
    { letter: 'D', name: '不动产登记', windows: ['04'] },
  ],
  streetHall: [
    { letter: 'A', name: '综合受理', windows: ['01'] },
    { letter: 'S', name: '社保医保', windows: ['02'] },
  ],
};

/**
 * What the demo halls take bookings for, with the places of each 30-minute slot (default hours and
 * rules), and their ticket categories with the windows that call them.
 */
export async function seedDemoAppointments(options: { db: DbOrTx; orgs: DemoOrganisations }): Promise<void> {
  const { db, orgs } = options;
  const booking = await db
    .insert(appointmentCategories)
    .values([
      { hallId: orgs.cityHall, name: '市场监管综合窗口', capacity: 4 },
      { hallId: orgs.cityHall, name: '不动产登记', capacity: 3 },
      { hallId: orgs.cityHall, name: '社保医保', capacity: 3 },
      { hallId: orgs.districtHall, name: '综合受理窗口', capacity: 2 },
    ])
    .returning();
  for (const [key, categories] of Object.entries(TICKETS)) {
    const hallId = orgs[key as keyof typeof TICKETS];
    const hallWindows = await db.select().from(windows).where(eq(windows.hallId, hallId));
    for (const category of categories) {
      const appointmentCategoryId =
        booking.find((b) => b.hallId === hallId && b.name === category.booking)?.id ?? null;
      const [row] = await db
        .insert(ticketCategories)
        .values({ hallId, letter: category.letter, name: category.name, appointmentCategoryId })
        .returning();
      const windowIds = hallWindows.filter((w) => category.windows.includes(w.number)).map((w) => w.id);
      if (windowIds.length !== category.windows.length) throw new Error(`demo windows of ${category.name}`);
      await db
        .insert(ticketWindowCategories)
        .values(windowIds.map((windowId) => ({ windowId, categoryId: row!.id })));
    }
  }
}
