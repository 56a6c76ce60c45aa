import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { type Action, can, type Resource } from '../access/policy.ts';
import type { AuditContext } from '../audit-context.ts';
import { AppError } from '../errors.ts';

/** The signed-in user, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

/** The one permission check of a route: a 401 when not signed in, a 403 when not allowed. */
export function authorize(request: FastifyRequest, action: Action, resource: Resource = {}): Actor {
  const actor = requireActor(request);
  if (!can(actor, action, resource)) throw new AppError('auth.forbidden');
  return actor;
}

/** Who is acting and from where, for the audit record of a change. */
export function auditContext(request: FastifyRequest, role?: string | null): AuditContext {
  return {
    actor: request.actor,
    role: role ?? request.actor?.grants[0]?.role ?? null,
    clientAddress: request.ip ?? null,
    requestId: request.id,
  };
}
