import type { Static } from 'typebox';
import type { KioskMatter as KioskMatterSchema } from '../../common/kiosk/api.ts';
import { mostAppliedAtHall } from '../cases/index.ts';
import { getPublishedGuide, listMatters, type PublishedGuide } from '../catalogue/index.ts';
import { keptUnder } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import type { KioskDeviceIdentity } from './devices.ts';

/** A matter offered on the kiosk's first screen. */
export type KioskMatter = Static<typeof KioskMatterSchema>;

const SHOWN = 8;
const POPULAR_DAYS = 90;
/**
 * The list is worked out again at most this often per hall and process, and at once when a
 * published version changes in this process (core/caches.ts).
 */
const CACHE_MS = 5 * 60_000;
const cache = keptUnder<KioskMatter[]>({
  ttlMs: CACHE_MS,
  limit: 1000,
  dependsOn: { implementation: 'all' },
});

/** Whether a person can apply for the matter at a kiosk: a kiosk or online channel, for persons. */
export function offeredAtKiosk(guide: PublishedGuide): boolean {
  const doc = guide.document;
  return (
    doc.serviceObject !== 'company' && (doc.channels.includes('kiosk') || doc.channels.includes('online'))
  );
}

async function guideOrNull(db: DbOrTx, implementationId: string): Promise<PublishedGuide | null> {
  try {
    return await getPublishedGuide(db, implementationId);
  } catch {
    return null;
  }
}

/**
 * The hall's popular matters: those most applied for in the hall lately, topped up with the
 * hall region's matters done on the spot (即办) and then those done in at most one visit,
 * keeping only matters a person can apply for at a kiosk.
 */
export async function popularMatters(options: {
  db: DbOrTx;
  device: KioskDeviceIdentity;
}): Promise<KioskMatter[]> {
  const { db, device } = options;
  const hit = cache.get(device.hall.id);
  if (hit) return hit;
  const demand = await mostAppliedAtHall({
    db,
    hallId: device.hall.id,
    days: POPULAR_DAYS,
    limit: SHOWN * 2,
  });
  const applied = new Map(demand.map((d) => [d.implementationId, d.cases]));
  const candidates = [...applied.keys()];
  for (const mode of ['on_the_spot', 'at_most_once'] as const) {
    const page = await listMatters({
      db,
      filter: { region: device.hall.regionCode, object: 'person', mode, limit: SHOWN * 2 },
    });
    candidates.push(...page.items.map((m) => m.implementationId));
  }
  const items: KioskMatter[] = [];
  for (const id of new Set(candidates)) {
    if (items.length === SHOWN) break;
    const guide = await guideOrNull(db, id);
    if (!guide || !offeredAtKiosk(guide)) continue;
    const doc = guide.document;
    items.push({
      implementationId: id,
      name: doc.name,
      departmentName: guide.department.name,
      caseType: doc.caseType,
      promisedLimit: doc.promisedLimit.value,
      visitsRequired: doc.visitsRequired,
      applied: applied.get(id) ?? 0,
    });
  }
  cache.set(device.hall.id, items);
  return items;
}
