import { Type } from 'typebox';
import { Id, IdParams } from '../../common/api.ts';
import { NewAuthorisation } from '../../common/certificates/api.ts';
import { auditContext, authorize } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { grantAuthorisation, listAuthorisations, revokeAuthorisation } from './authorisations.ts';
import { walletCertificates } from './holdings.ts';
import type { CaseSight } from './types.ts';

const tags = ['certificates'];

/** 我的证照: the holder's wallet and 用证授权 (authorise a case or an organisation, revoke). */
export async function walletRoutes(app: App, options: { caseSight: CaseSight }): Promise<void> {
  const { caseSight } = options;
  const db = () => app.deps.database.db;
  const holderOf = (request: Parameters<typeof authorize>[0]) =>
    authorize(request, 'certificate.hold', { ownerAccountId: request.actor?.accountId ?? null });

  app.get(
    '/me/certificates',
    { schema: { tags, summary: '我的电子证照（含已变更、已撤销、已过期的证照）' } },
    async (request) => {
      const holder = holderOf(request);
      const items = await walletCertificates({
        db: db(),
        holderKind: holder.kind as 'person' | 'company',
        holderLogin: holder.login,
      });
      return { items };
    },
  );

  app.get(
    '/me/certificates/:id/authorisations',
    { schema: { tags, summary: '一张证照的用证授权记录', params: IdParams } },
    async (request) => ({
      items: await listAuthorisations({
        db: db(),
        holder: holderOf(request),
        caseSight,
        certificateId: request.params.id,
      }),
    }),
  );

  app.post(
    '/me/certificates/:id/authorisations',
    {
      schema: {
        tags,
        summary: '用证授权：允许本人的一件办件或一个机构在到期日前调用该证照',
        params: IdParams,
        body: NewAuthorisation,
      },
    },
    async (request, reply) => {
      const holder = holderOf(request);
      const created = await grantAuthorisation({
        db: db(),
        audit: auditContext(request, 'applicant'),
        holder,
        caseSight,
        certificateId: request.params.id,
        grant: request.body,
      });
      reply.code(201);
      return created;
    },
  );

  app.delete(
    '/me/certificates/:id/authorisations/:aid',
    {
      schema: {
        tags,
        summary: '撤回用证授权（立即生效）',
        params: Type.Object({ id: Id, aid: Id }),
      },
    },
    async (request) =>
      revokeAuthorisation({
        db: db(),
        audit: auditContext(request, 'applicant'),
        holder: holderOf(request),
        caseSight,
        certificateId: request.params.id,
        authorisationId: request.params.aid,
      }),
  );
}
