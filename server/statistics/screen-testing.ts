import http from 'node:http';
import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.ts';
import type { Screen } from './screen.ts';

/** The China day `days` after today (negative: before), YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const at = new Date(`${today}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** What a copy of a case is made to be: where, whose, filed and (when given) concluded on which China days. */
export type Placed = {
  region: string;
  departmentId: string;
  filed: string;
  concluded?: string;
  promised?: string;
  visits?: number;
  channel?: 'online' | 'counter' | 'kiosk' | 'agent';
};

let copies = 0;

/**
 * A copy of a real case (its matter and applicant) placed in a region and department, filed and
 * concluded on the days given at 10:00 China time (not concluded: accepted); inserted, so the rollup
 * trigger queues it like any case change.
 */
export async function placeCase(db: Db, templateId: string, facts: Placed): Promise<string> {
  const { rows } = await db.execute<{ path: string }>(
    sql`SELECT path FROM regions WHERE code = ${facts.region}`,
  );
  if (!rows[0]) throw new Error(`no region ${facts.region}`);
  copies += 1;
  const id = crypto.randomUUID();
  const at = (day: string) => `${day}T10:00:00+08:00`;
  const patch = {
    id,
    case_no: `SCREEN-${process.pid}-${copies}`,
    idempotency_key: null,
    region_code: facts.region,
    region_path: rows[0].path,
    department_id: facts.departmentId,
    channel: facts.channel ?? 'online',
    status: facts.concluded ? 'concluded' : 'accepted',
    submitted_at: at(facts.filed),
    created_at: at(facts.filed),
    accepted_on: facts.filed,
    concluded_at: facts.concluded ? at(facts.concluded) : null,
    promised_deadline: facts.promised ?? null,
    visits: facts.visits ?? 0,
    warning: 'none',
  };
  await db.execute(sql`
    INSERT INTO cases SELECT (jsonb_populate_record(c, ${JSON.stringify(patch)}::jsonb)).*
    FROM cases c WHERE c.id = ${templateId}`);
  return id;
}

export type ScreenStream = {
  status: number;
  contentType: string;
  /** The `update` events received so far. */
  updates: Screen[];
  /** Resolves with the updates so far once `check` holds for them. */
  until: (check: (updates: Screen[]) => boolean) => Promise<Screen[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

/** Opens a big screen's stream over plain HTTP, as a browser's EventSource would. */
export function openScreenStream(url: string): Promise<ScreenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream' } });
    request.once('error', reject);
    request.once('response', (response) => {
      const updates: Screen[] = [];
      const waiters: { check: (u: Screen[]) => boolean; done: (u: Screen[]) => void }[] = [];
      const settle = () => {
        for (const w of [...waiters])
          if (w.check(updates)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.done(updates);
          }
      };
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: update$/m.test(block) && data) updates.push(JSON.parse(data) as Screen);
        }
        settle();
      });
      const ended = new Promise<void>((done) => {
        response.once('end', done);
        response.once('close', done);
      });
      request.off('error', reject);
      request.on('error', () => {});
      resolve({
        status: response.statusCode ?? 0,
        contentType: String(response.headers['content-type'] ?? ''),
        updates,
        until: (check) =>
          new Promise((done) => {
            waiters.push({ check, done });
            settle();
          }),
        ended,
        close: () => request.destroy(),
      });
    });
  });
}
