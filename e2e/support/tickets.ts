import assert from 'node:assert/strict';
import { call, type Session } from '../../server/testing/processes.ts';

/** What the ticket routes answer, as far as the browser tests read it: a ticket, or a window with its ticket. */
export type TicketAnswer = Record<string, unknown> & {
  id: string;
  code: string;
  ticket?: { id: string; code: string; windowNumber: string } | null;
};

/** An API request over HTTP by `who` that must answer `status` (200 unless told); its JSON body. */
export async function ok(who: Session, method: string, path: string, body?: unknown, status = 200) {
  const res = await call(who, method, path, body);
  assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
  return res.body as TicketAnswer;
}
