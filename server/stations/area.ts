import type { DbOrTx } from '../core/db/client.ts';
import { type NamedRegion, regionsNamedIn } from '../regions/index.ts';

/**
 * The area an address lies in: the most specific district, street (街道/镇) or community (社区/村)
 * named in it, within the subtrees of `paths`. A name agreeing with the others named (a community
 * of the street named) comes before one that does not; then the deeper one, the name written in
 * full, the longer name.
 */
export async function areaOfAddress(
  db: DbOrTx,
  address: string,
  paths: string[],
): Promise<NamedRegion | null> {
  const named = await regionsNamedIn(db, address, paths);
  const agreeing = (r: NamedRegion) => named.filter((o) => r.path.startsWith(`${o.path}/`)).length;
  const ranked = named
    .map((region) => ({ region, agreeing: agreeing(region) }))
    .sort(
      (a, b) =>
        b.agreeing - a.agreeing ||
        b.region.depth - a.region.depth ||
        Number(b.region.whole) - Number(a.region.whole) ||
        b.region.name.length - a.region.name.length ||
        a.region.code.localeCompare(b.region.code),
    );
  return ranked[0]?.region ?? null;
}

/** The area and the areas above it down to its district, the most specific first ('…/610102001001', …). */
export function areaTiers(area: NamedRegion): string[] {
  const codes = area.path.split('/');
  const tiers: string[] = [];
  for (let end = codes.length; end >= 1; end--) {
    const code = codes[end - 1]!;
    tiers.push(codes.slice(0, end).join('/'));
    if (code.length === 6 && !code.endsWith('00')) break; // the district ends the tiers
  }
  return tiers;
}
