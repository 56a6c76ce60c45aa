import type { Place } from '../../common/catalogue/guide.ts';
import { getPublishedGuide } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { findHall, findOrganisation, listWindows } from '../organisations/index.ts';
import { bookingHalls } from './settings.ts';

/** A hall where a matter can be booked, with the category to preselect when one is clear. */
export type MatterBookingHall = {
  hallId: string;
  hallName: string;
  hallAddress: string;
  categoryId: string | null;
};

type BookingHall = Awaited<ReturnType<typeof bookingHalls>>[number];

/**
 * The category a guide's window names: the one whose name the window's text holds or that holds it
 * ('不动产登记中心专窗' → 不动产登记, '综合受理窗口（1—2号）' → 综合受理窗口); else the hall's only one.
 */
function categoryFor(hall: BookingHall, window: string | null): string | null {
  const bare = (window ?? '').replace(/（[^）]*）|\([^)]*\)/g, '').trim();
  const named = bare
    ? hall.categories.find((c) => bare.includes(c.name) || c.name.includes(bare))
    : undefined;
  return named?.id ?? (hall.categories.length === 1 ? hall.categories[0]!.id : null);
}

const shown = (hall: BookingHall, window: string | null): MatterBookingHall => ({
  hallId: hall.id,
  hallName: hall.name,
  hallAddress: hall.address,
  categoryId: categoryFor(hall, window),
});

/**
 * Where a published matter can be booked (预约办理 on its guide): the halls its guide names as
 * places (办理地点) that take bookings, in the guide's order, with the category its window names.
 * A guide that names no hall of the platform falls back to the halls that handle the matter by
 * their place: a hall run by a centre of the matter's region, or one with a dedicated window (专窗)
 * of the implementing department, those with the window first.
 */
export async function matterBookingHalls(db: DbOrTx, implementationId: string): Promise<MatterBookingHall[]> {
  const guide = await getPublishedGuide(db, implementationId);
  const halls = await bookingHalls(db);
  const places = guide.document.places.filter((p): p is Place & { hallId: string } => !!p.hallId);
  if (places.length) {
    const seen = new Set<string>();
    return places.flatMap((place) => {
      const hall = halls.find((h) => h.id === place.hallId);
      if (!hall || seen.has(hall.id)) return [];
      seen.add(hall.id);
      return [shown(hall, place.window)];
    });
  }
  const found: (MatterBookingHall & { dedicated: boolean })[] = [];
  for (const hall of halls) {
    const row = await findHall(db, hall.id);
    const runner = row && (await findOrganisation(db, row.organisationId));
    const dedicated = (await listWindows({ db, hallId: hall.id })).some(
      (w) => w.active && w.departmentId === guide.department.id,
    );
    if (!dedicated && runner?.regionCode !== guide.region.code) continue;
    found.push({ ...shown(hall, null), dedicated });
  }
  return found
    .sort((a, b) => Number(b.dedicated) - Number(a.dedicated))
    .map(({ dedicated: _, ...hall }) => hall);
}
