import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FaqBody, KnowledgeAnswer } from '../../common/hotline/api.ts';
import type { AuditContext } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { searchMatters } from '../catalogue/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/index.ts';
import { requireRegion } from '../regions/index.ts';
import { invalid, requestNotFound, requestRow, wrongState } from './access.ts';
import { recordStep, updateRequest } from './events.ts';
import { withRegionNames } from './region-names.ts';
import { faqEntries } from './tables.ts';

const FAQ_COLUMNS = sql`id, question, answer, keywords, region_code AS "regionCode",
  department_id AS "departmentId", active, updated_at AS "updatedAt"`;

/**
 * FAQ entries matching a text: the text contains one of the entry's keywords, or the question,
 * answer or keywords contain one of the text's words.
 */
export async function matchingFaq(db: DbOrTx, q: string, onlyActive = true) {
  const text = q.trim();
  const words = text.split(/[\s,，、。？?！!；;]+/).filter((w) => w.length > 0);
  const contains = words.map(
    (w) => sql`(question ILIKE ${`%${w}%`} OR answer ILIKE ${`%${w}%`} OR keywords ILIKE ${`%${w}%`})`,
  );
  const keyword = sql`EXISTS (SELECT 1 FROM regexp_split_to_table(keywords, '[,，、\\s]+') k
    WHERE length(k) > 0 AND strpos(${text}, k) > 0)`;
  const match = text ? sql.join([keyword, ...contains], sql` OR `) : sql`true`;
  const { rows } = await db.execute(
    sql`SELECT ${FAQ_COLUMNS} FROM faq_entries WHERE (${match}) ${onlyActive ? sql`AND active` : sql``}
        ORDER BY updated_at DESC LIMIT 50`,
  );
  return rows as unknown as {
    id: string;
    question: string;
    answer: string;
    keywords: string;
    regionCode: string;
    departmentId: string | null;
    active: boolean;
    updatedAt: Date;
  }[];
}

const LIMIT_UNITS: Record<string, string> = { working_days: '个工作日', natural_days: '个自然日' };

/** The catalogue's guides (its Chinese search) and the FAQ entries an operator answers a 咨询 from. */
export async function searchKnowledge(db: Db, q: string): Promise<Static<typeof KnowledgeAnswer>> {
  if (!q.trim()) return { guides: [], faq: [] };
  const page = await searchMatters({ db, q, filter: { limit: 8 } });
  const faq = await matchingFaq(db, q);
  return {
    guides: page.items.map((m) => ({
      matterId: m.implementationId,
      code: m.code,
      name: m.name,
      departmentName: m.departmentName,
      summary: [
        `承诺时限 ${m.promisedLimit} ${LIMIT_UNITS[m.limitUnit] ?? m.limitUnit}`,
        `到现场 ${m.visitsRequired} 次`,
        m.onlineAvailable ? '可网上办理' : '需到窗口办理',
        `${m.departmentName}（${m.regionName}）`,
      ].join('；'),
    })),
    faq: faq.map(({ id, question, answer, keywords }) => ({ id, question, answer, keywords })),
  };
}

/** An operator answers a 咨询 at once (即时办结): the request is answered, then closed. */
export async function answerAtOnce(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  answer: string;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await requestRow(tx, options.id, true);
    if (!row) throw requestNotFound();
    if (row.kind !== 'consult')
      throw wrongState('即时解答（仅限咨询）', 'answered at once (consultations only)');
    if (row.status !== 'received') throw wrongState('即时解答', 'answered at once');
    const answer = options.answer.trim();
    if (!answer) throw invalid('answer', '请填写解答内容', 'is required');
    await updateRequest(
      tx,
      row.id,
      sql`status = 'closed', answered_at_once = true, answer = ${answer}, closed_at = now(), warning = 'none'`,
    );
    const step = { requestId: row.id, requestNo: row.requestNo, actorId: options.actor.accountId };
    await recordStep(tx, options.audit, { ...step, kind: 'answered', detail: { answer } });
    await recordStep(tx, options.audit, { ...step, kind: 'closed' });
  });
}

async function checkFaqBody(db: DbOrTx, body: Static<typeof FaqBody>) {
  await requireRegion(db, body.regionCode, 'regionCode');
  if (body.departmentId && !(await findOrganisation(db, body.departmentId)))
    throw invalid('departmentId', '没有这个部门', 'no such department');
  const question = body.question.trim();
  const answer = body.answer.trim();
  if (!question) throw invalid('question', '请填写问题', 'is required');
  if (!answer) throw invalid('answer', '请填写答案', 'is required');
  return {
    question,
    answer,
    keywords: (body.keywords ?? '').trim(),
    regionCode: body.regionCode,
    departmentId: body.departmentId ?? null,
    active: body.active ?? true,
  };
}

/** The FAQ entries (all, or those matching `q`), active or not. */
export async function listFaq(db: Db, q: string | undefined) {
  const items = await withRegionNames(db, await matchingFaq(db, q ?? '', false));
  return { items, total: items.length };
}

const faqById = async (db: DbOrTx, id: string) =>
  (await db.execute(sql`SELECT ${FAQ_COLUMNS} FROM faq_entries WHERE id = ${id}`)).rows[0] as
    | Awaited<ReturnType<typeof matchingFaq>>[number]
    | undefined;

/** Adds (no id) or changes a FAQ entry; audited. */
export async function saveFaq(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id?: string;
  body: Static<typeof FaqBody>;
}) {
  const id = await options.db.transaction(async (tx) => {
    const values = await checkFaqBody(tx, options.body);
    let id = options.id;
    if (id === undefined) {
      const [row] = await tx
        .insert(faqEntries)
        .values({ ...values, createdBy: options.actor.accountId })
        .returning({ id: faqEntries.id });
      id = row!.id;
    } else {
      const { rows } = await tx.execute(
        sql`UPDATE faq_entries SET question = ${values.question}, answer = ${values.answer},
              keywords = ${values.keywords}, region_code = ${values.regionCode},
              department_id = ${values.departmentId}, active = ${values.active}, updated_at = now()
            WHERE id = ${id} RETURNING id`,
      );
      if (rows.length === 0)
        throw new AppError('resource.not_found', { field: 'id', params: { resource: '知识库条目' } });
    }
    await recordAudit(tx, options.audit, {
      action: options.id === undefined ? 'hotline.faq_create' : 'hotline.faq_update',
      targetType: 'faq_entry',
      targetId: id,
      summary: { question: values.question, active: values.active },
    });
    return id;
  });
  const [saved] = await withRegionNames(options.db, [(await faqById(options.db, id))!]);
  return saved!;
}
