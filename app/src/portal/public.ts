/** What the public portal shows of departments and halls. */
export type PublicOrganisation = {
  id: string;
  name: string;
  shortName?: string | null;
  kind: string;
  regionCode: string;
  regionName?: string | null;
  phone?: string | null;
  address?: string | null;
};

export type PublicHall = {
  id: string;
  name: string;
  address: string;
  openingHours: string;
  phone?: string | null;
  organisationName?: string | null;
};
