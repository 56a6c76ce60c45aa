import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { STATION_KINDS, type StationKind } from '../../common/stations/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { regions } from '../regions/index.ts';
import { halls, organisations } from './tables.ts';

/** An open hall of a service centre, street centre or community station, where people hand matters in. */
export type StationHall = {
  hallId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  kind: StationKind;
  regionCode: string;
  regionName: string;
  /** The organisation's region path ('610000/610100/610102/610102001'). */
  regionPath: string;
  address: string;
  openingHours: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** The most stations one answer reads. */
const LIMIT = 1000;

/**
 * The active halls of active service centres, street centres and community stations, in the
 * region subtree of `regionPath` when given, by region path.
 */
export async function listStationHalls(db: DbOrTx, regionPath?: string): Promise<StationHall[]> {
  const rows = await db
    .select({
      hallId: halls.id,
      name: halls.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
      regionCode: organisations.regionCode,
      regionName: regions.name,
      regionPath: regions.path,
      address: halls.address,
      openingHours: halls.openingHours,
      phone: halls.phone,
      latitude: halls.latitude,
      longitude: halls.longitude,
    })
    .from(halls)
    .innerJoin(organisations, eq(organisations.id, halls.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(
      and(
        eq(halls.active, true),
        eq(organisations.active, true),
        inArray(organisations.kind, [...STATION_KINDS]),
        regionPath ? or(eq(regions.path, regionPath), like(regions.path, `${regionPath}/%`)) : undefined,
      ),
    )
    .orderBy(
      asc(regions.path),
      sql`array_position(${sql.param([...STATION_KINDS])}::text[], ${organisations.kind})`,
      asc(halls.name),
    )
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, kind: r.kind as StationKind }));
}
