import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/organisations/api.ts';

/** The organisations API's shapes as the app receives them (common/organisations/api.ts). */

export type Organisation = Wire<typeof Api.OrganisationView>;
export type Hall = Wire<typeof Api.HallView>;
export type HallWindow = Wire<typeof Api.WindowView>;

/** What the public portal lists of departments (GET /api/organisations) and halls (GET /api/halls). */
export type PublicOrganisation = Organisation;
export type PublicHall = Hall;
