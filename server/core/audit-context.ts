import type { Actor } from './access/actor.ts';

/** Who did it, from where: carried from the HTTP request into every service call that writes. */
export type AuditContext = {
  actor: Actor | null;
  /** The role the actor acted in, when one role applies. */
  role?: string | null;
  organisationId?: string | null;
  clientAddress: string | null;
  requestId: string | null;
};
