import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

/** The Fastify instance with TypeBox type inference, as route modules receive it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export type AppDeps = {
  config: Config;
  database: Database;
  /** Read-only statistics and figures (READ_DATABASE_URL); the primary itself when no replica is set. */
  readDatabase: Database;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. Set by the auth plugin. */
    actor: Actor | null;
    /** The id of the session the request came with, or null. */
    sessionId: string | null;
    /** The CSRF token of that session, or null. */
    csrfToken: string | null;
  }
}
