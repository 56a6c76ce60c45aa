import { CertificateListQuery } from '../../common/certificates/api.ts';
import { requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { listIssuedCertificates } from './listing.ts';

/** 已发证照: the certificates the caller's department or region issued. */
export async function listingRoutes(app: App): Promise<void> {
  app.get(
    '/certificates',
    {
      schema: {
        tags: ['certificates'],
        summary:
          '已发证照（发证部门的负责人和审核人员：本部门签发的；监察人员：本辖区机构签发的），个人证件号码脱敏',
        querystring: CertificateListQuery,
      },
    },
    async (request) => {
      const q = request.query;
      return listIssuedCertificates({
        db: app.deps.database.db,
        actor: requireActor(request),
        filter: { status: q.status, typeCode: q.typeCode, limit: q.limit ?? 50, offset: q.offset ?? 0 },
      });
    },
  );
}
