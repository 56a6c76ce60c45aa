/** A region as the signed-in applicant's registered region comes (GET /api/auth/me). */
export type RegisteredRegion = { code: string; name: string; path: string } | null | undefined;

const depth = (place: { regionPath: string }) => place.regionPath.split('/').length;

/** Whether the place's region is the applicant's, or one above it (the city of a district). */
export const coversRegion = (place: { regionPath: string }, region: { path: string }) =>
  region.path === place.regionPath || region.path.startsWith(`${place.regionPath}/`);

/**
 * Where an applicant applies by default: the place of their registered region, else the nearest
 * place above it (the city), else the place highest in the region tree (the city level). Among
 * places of one region, the first (the list comes city first, then by department).
 */
export function defaultPlace<P extends { regionPath: string }>(
  places: readonly P[],
  region: RegisteredRegion,
): P | undefined {
  const covering = region ? places.filter((p) => coversRegion(p, region)) : [];
  const pool = covering.length ? covering : places;
  const pick = covering.length
    ? (a: P, b: P) => (depth(b) > depth(a) ? b : a)
    : (a: P, b: P) => (depth(b) < depth(a) ? b : a);
  return pool.length ? pool.reduce(pick) : undefined;
}
