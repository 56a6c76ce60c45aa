import { type CaseAction, rolesFor } from '../../common/cases/state-machine.ts';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, type Resource } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import type { DeliveryProvider } from './delivery.ts';
import { type CasePage, casePage, caseViewOf } from './page.ts';
import { type ActionInput, PLANNERS } from './planners.ts';
import { readableResource } from './queries.ts';
import type { CaseRow } from './rows.ts';
import { caseToChange, writeTransition } from './transition-write.ts';

/** Where a request came from, for the audit record (the actor and role are the service's). */
export type RequestOrigin = Pick<AuditContext, 'clientAddress' | 'requestId'>;

export type TransitionOptions = {
  db: Db;
  actor: Actor;
  caseId: string;
  action: CaseAction;
  input: ActionInput;
  /** The version the client saw; a stale one is a 409 resource.conflict. */
  version: number;
  origin?: RequestOrigin;
  /** The day the action is taken (China time); today by default. */
  today?: string;
  delivery?: DeliveryProvider;
};

/** The role the actor acts in for this action on this case (for the timeline and the audit). */
function actingRole(actor: Actor, action: CaseAction, resource: Resource): string | null {
  const roles = rolesFor(action);
  const grant = actor.grants.find(
    (g) => roles.includes(g.role) && can({ ...actor, grants: [g] }, `case.${action}`, resource),
  );
  return grant?.role ?? null;
}

/**
 * Does one named action on a case (see the state machine) for an actor, and answers the case as
 * written and its page. Takes the case as kept or read (transition-write.ts), then: a case the
 * actor may not see is the 404 of an unknown id, an action the actor may not do there a 403, a
 * version other than the client saw a 409; the action's planner (planners.ts) checks the input and
 * decides the change, and one statement writes it with its timeline event, messages and audit
 * record, reading the page's records with it.
 */
export async function transitionCase(options: TransitionOptions): Promise<{ case: CaseRow; page: CasePage }> {
  const { db, actor, action } = options;
  const read = await caseToChange(db, options.caseId, options.version);
  const resource = await readableResource(db, actor, read.row);
  if (!can(actor, `case.${action}`, resource)) throw new AppError('auth.forbidden');
  const role = actingRole(actor, action, resource);
  const audit: AuditContext = {
    actor,
    role: role ?? actor.grants[0]?.role ?? null,
    clientAddress: options.origin?.clientAddress ?? null,
    requestId: options.origin?.requestId ?? null,
  };
  const party = { audit, atWindow: role === 'window_clerk' };
  if (read.row.version !== options.version) throw new AppError('resource.conflict');
  const planner = PLANNERS[action];
  const plan = planner
    ? await planner(db, read.row, {
        ...party,
        input: options.input,
        today: options.today ?? todayInChina(),
        delivery: options.delivery,
      })
    : {};
  const written = await writeTransition(db, read, action, party, plan);
  const view = caseViewOf(actor, written.row, resource);
  return { case: written.row, page: await casePage(db, written.row, view, written.records) };
}
