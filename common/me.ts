import type { Static } from 'typebox';
import type { GrantView as GrantViewSchema, MeSchema, SignedIn } from './accounts/api.ts';

/** The signed-in user's shapes as the server builds them: the static types of common/accounts/api.ts. */

/** A role assignment as shown to people: with the names of where it holds. */
export type GrantView = Static<typeof GrantViewSchema>;

/** The signed-in user as the web app sees it (GET /api/auth/me). */
export type Me = Static<typeof MeSchema>;

/** The answer to a sign-in, a registration and GET /api/auth/me. */
export type SignInAnswer = Static<typeof SignedIn>;
