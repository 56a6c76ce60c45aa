import { eq, sql } from 'drizzle-orm';
import { accountIdColumn, accountNamesJson, namesFromJson } from '../accounts/names.ts';
import type { Db } from '../db/client.ts';
import { qualified, reuse } from '../db/reuse.ts';
import { organisationNameOf } from '../organisations/service.ts';
import { caseAttachments, caseEvents, cases } from './tables.ts';
import { type CaseRow, caseNotFound } from './transitions.ts';

export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseAttachmentRow = typeof caseAttachments.$inferSelect;

type Loaded = {
  events: (Omit<CaseEventRow, 'at'> & { at: string })[];
  attachments: (Omit<CaseAttachmentRow, 'createdAt'> & { createdAt: string })[];
};

const e = caseEvents;
const a = caseAttachments;

/**
 * What a case page shows besides the case row, in one round trip: the timeline in order, the
 * files and references handed in, the department's name and the names of everyone involved
 * (applicant, assignee, the actor of each event).
 */
export async function caseRecords(db: Db, row: CaseRow) {
  const [loaded] = await reuse(db, 'case_records', (d) =>
    d
      .select({
        events: sql<Loaded['events']>`(select coalesce(json_agg(json_build_object(
          'seq', ${e.seq}, 'caseId', ${e.caseId}, 'action', ${e.action}, 'fromStatus', ${e.fromStatus},
          'toStatus', ${e.toStatus}, 'actorId', ${e.actorId}, 'actorRole', ${e.actorRole},
          'details', ${e.details}, 'visit', ${e.visit}, 'at', ${e.at}) order by ${e.seq}), '[]'::json)
          from ${e} where ${e.caseId} = ${qualified(cases.id)})`,
        attachments: sql<Loaded['attachments']>`(select coalesce(json_agg(json_build_object(
          'id', ${a.id}, 'caseId', ${a.caseId}, 'materialKey', ${a.materialKey}, 'fileSha256', ${a.fileSha256},
          'fileName', ${a.fileName}, 'source', ${a.source}, 'reference', ${a.reference},
          'uploadedBy', ${a.uploadedBy}, 'createdAt', ${a.createdAt}) order by ${a.createdAt}, ${a.id}), '[]'::json)
          from ${a} where ${a.caseId} = ${qualified(cases.id)})`,
        departmentName: organisationNameOf(qualified(cases.departmentId)),
        names: accountNamesJson(
          sql`${accountIdColumn} = any(array(select ${e.actorId} from ${e} where ${e.caseId} = ${qualified(cases.id)}) || array[${qualified(cases.applicantId)}, ${qualified(cases.assigneeId)}])`,
        ),
      })
      .from(cases)
      .where(eq(cases.id, sql.placeholder('id')))
      .prepare('yw_case_records'),
  ).execute({ id: row.id });
  if (!loaded) throw caseNotFound();
  return {
    events: loaded.events.map((x): CaseEventRow => ({ ...x, at: new Date(x.at) })),
    attachments: loaded.attachments.map(
      (x): CaseAttachmentRow => ({ ...x, createdAt: new Date(x.createdAt) }),
    ),
    departmentName: loaded.departmentName,
    names: namesFromJson(loaded.names),
  };
}
