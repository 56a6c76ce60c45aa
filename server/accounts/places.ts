import type { DbOrTx } from '../core/db/client.ts';
import { findOrganisation, listOrganisations } from '../organisations/index.ts';
import { findRegion } from '../regions/index.ts';
import { findCompany, findPerson } from '../registries/index.ts';

/** What the accounts module needs to know about an organisation. */
export type OrganisationFacts = { id: string; name: string; regionCode: string; regionPath: string };

/** Regions by code (name and path); unknown codes are absent. */
export async function regionFacts(
  db: DbOrTx,
  codes: string[],
): Promise<Map<string, { code: string; name: string; path: string }>> {
  const found = await Promise.all([...new Set(codes)].map((code) => findRegion(db, code)));
  return new Map(found.flatMap((r) => (r ? [[r.code, r] as const] : [])));
}

/** Organisations by id, with their region paths; unknown ids are absent. */
export async function organisationFacts(db: DbOrTx, ids: string[]): Promise<Map<string, OrganisationFacts>> {
  const orgs = (await Promise.all([...new Set(ids)].map((id) => findOrganisation(db, id)))).filter(
    (o) => o !== null,
  );
  const places = await regionFacts(
    db,
    orgs.map((o) => o.regionCode),
  );
  return new Map(
    orgs.map((o) => [
      o.id,
      {
        id: o.id,
        name: o.name,
        regionCode: o.regionCode,
        regionPath: places.get(o.regionCode)?.path ?? o.regionCode,
      },
    ]),
  );
}

/** Ids of the organisations whose region lies in one of the given region subtrees. */
export async function organisationsInRegions(db: DbOrTx, regionPaths: string[]): Promise<string[]> {
  const lists = await Promise.all(
    regionPaths.map((path) =>
      listOrganisations({
        db,
        filter: { region: path.split('/').at(-1)!, subtree: true, limit: 100_000 },
      }),
    ),
  );
  return lists.flatMap((l) => l.items.map((o) => o.id));
}

/**
 * The region an applicant is registered in: the 户籍地 of a person in the population base, the
 * 住所 of a company in the legal-entity base; null when the base does not know them.
 */
export async function registeredRegion(
  db: DbOrTx,
  kind: 'person' | 'company',
  login: string,
): Promise<{ code: string; name: string; path: string } | null> {
  const record = kind === 'person' ? await findPerson(db, login) : await findCompany(db, login);
  if (!record) return null;
  const region = (await regionFacts(db, [record.regionCode])).get(record.regionCode);
  return region ? { code: region.code, name: region.name, path: region.path } : null;
}
