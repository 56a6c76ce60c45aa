import type * as Api from '../../../common/accounts/api.ts';
import type { Wire } from '../../../common/api.ts';

/** The accounts API's shapes as the app receives them (common/accounts/api.ts). */

export type Account = Wire<typeof Api.AccountView>;
/** The signed-in user (GET /api/auth/me). */
export type Me = Wire<typeof Api.MeSchema>;
/** The answer to a sign-in, a registration, a completed claim and GET /api/auth/me. */
export type SignInAnswer = Wire<typeof Api.SignedIn>;
