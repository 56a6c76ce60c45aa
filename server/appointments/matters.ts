import { getPublishedGuide } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { findHall, findOrganisation, listWindows } from '../organisations/index.ts';
import { bookingHalls } from './settings.ts';

/** A hall where a matter can be booked, with the category to preselect when the hall has only one. */
export type MatterBookingHall = {
  hallId: string;
  hallName: string;
  hallAddress: string;
  categoryId: string | null;
};

/**
 * Where a published matter can be booked (预约办理 on its guide): the halls taking bookings that
 * handle it — a hall run by a centre of the matter's own region, or a hall with a dedicated window
 * (专窗) of the implementing department. Halls with a dedicated window come first. Categories are
 * named by each hall and not tied to matters, so one is preselected only where the hall has one.
 */
export async function matterBookingHalls(db: DbOrTx, implementationId: string): Promise<MatterBookingHall[]> {
  const guide = await getPublishedGuide(db, implementationId);
  const found: (MatterBookingHall & { dedicated: boolean })[] = [];
  for (const hall of await bookingHalls(db)) {
    const row = await findHall(db, hall.id);
    const runner = row && (await findOrganisation(db, row.organisationId));
    const dedicated = (await listWindows({ db, hallId: hall.id })).some(
      (w) => w.active && w.departmentId === guide.department.id,
    );
    if (!dedicated && runner?.regionCode !== guide.region.code) continue;
    found.push({
      hallId: hall.id,
      hallName: hall.name,
      hallAddress: hall.address,
      categoryId: hall.categories.length === 1 ? hall.categories[0]!.id : null,
      dedicated,
    });
  }
  return found
    .sort((a, b) => Number(b.dedicated) - Number(a.dedicated))
    .map(({ dedicated: _, ...hall }) => hall);
}
