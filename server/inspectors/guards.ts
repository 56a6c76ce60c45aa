import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import { requireActor } from '../core/http/guard.ts';

export const tags = ['inspectors'];

/** Any signed-in user; what each may see is checked by the service. */
export const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** Supervisors (and administrators) of some region only: others get a 403. */
export const asSupervisor = async (request: FastifyRequest) => {
  if (scopeOf(requireActor(request), 'inspector.supervise').regionPaths.length === 0)
    throw new AppError('auth.forbidden');
};

/** Heads and reviewers of some department only: others get a 403. */
export const asDepartment = async (request: FastifyRequest) => {
  if (scopeOf(requireActor(request), 'inspector.department').organisationIds.length === 0)
    throw new AppError('auth.forbidden');
};
