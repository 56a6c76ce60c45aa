import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../core/http/guard.ts';

export const tags = ['hotline'];

/** Any signed-in user; what each may see is checked by the service. */
export const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** 12345 operators (the hotline office) only: others get a 403. */
export const asOperator = async (request: FastifyRequest) => {
  authorize(request, 'hotline.operate');
};
