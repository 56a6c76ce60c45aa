import { IdParams } from '../../common/api.ts';
import { CreditListQuery, LiftBody } from '../../common/cases/api.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { liftCreditRecord, listCreditRecords, visibleCreditRecord } from './credit.ts';

const tags = ['credit'];

/** 信用记录: the list in the caller's scope and 信用修复 (lifting a record). */
export async function creditRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/credit-records',
    {
      schema: {
        tags,
        summary: '告知承诺失信记录（部门负责人：本部门办件产生的；监察人员：本辖区的）',
        querystring: CreditListQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      return listCreditRecords({
        db: db(),
        actor,
        filter: { state: q.state ?? 'open', limit: q.limit ?? 50, offset: q.offset ?? 0 },
      });
    },
  );

  app.post(
    '/credit-records/:id/lift',
    {
      schema: {
        tags,
        summary: '信用修复：解除失信记录，申请人可再次适用告知承诺（留痕审计）',
        params: IdParams,
        body: LiftBody,
      },
    },
    async (request) => {
      const resource = await visibleCreditRecord(db(), requireActor(request), request.params.id);
      authorize(request, 'credit.lift', resource);
      return liftCreditRecord({
        db: db(),
        audit: auditContext(request),
        id: request.params.id,
        reason: request.body.reason,
      });
    },
  );
}
