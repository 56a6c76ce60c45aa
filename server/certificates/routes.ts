import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  CertificateFileBody,
  HolderLookupQuery,
  RevokeBody,
  RotateSealKeyBody,
  SealKeysQuery,
} from '../../common/certificates/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { cachePublicly } from '../core/http/cache-control.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { organisationScope } from '../organisations/index.ts';
import { certificateFor, certificateResource } from './access.ts';
import { listCertificateTypes } from './certificate-types.ts';
import { publishedKeys, rotateSealKey } from './keys.ts';
import { listingRoutes } from './listing-routes.ts';
import { lookupHolderCertificates } from './lookup.ts';
import { renderCertificatePdf } from './pdf.ts';
import { revokeCertificate } from './revoke.ts';
import type { CaseSight } from './types.ts';
import { certificateFile, verifyByCode } from './verify.ts';
import { verifyFile } from './verify-file.ts';
import { type CertificateRow, viewsOf } from './views.ts';
import { walletRoutes } from './wallet-routes.ts';

const tags = ['certificates'];

/** The public URL of the verification page a certificate's QR code opens. */
export const verifyUrl = (origin: string, code: string) => `${origin.replace(/\/+$/, '')}/verify/${code}`;

/**
 * What the certificate routes are handed (from the cases module): how a case looks to an actor, and
 * whether a case's result is held (容缺: the names of materials still missing, else null).
 */
export type CertificateRouteOptions = {
  caseSight: CaseSight;
  heldResult?: (db: DbOrTx, caseId: string) => Promise<string | null>;
};

/** 电子证照: public verification and keys, downloads, look-up by staff, issued lists, revocation, key rotation. */
export async function certificateRoutes(app: App, options: CertificateRouteOptions): Promise<void> {
  const db = () => app.deps.database.db;
  const { caseSight, heldResult } = options;
  await app.register(walletRoutes, { caseSight });
  /** A certificate of a case whose result is held (容缺 materials missing) is not handed out, to anyone. */
  const notHeld = async (row: CertificateRow) => {
    const missing = row.caseId && heldResult ? await heldResult(db(), row.caseId) : null;
    if (missing) throw new AppError('case.result_held', { params: { missing } });
  };
  await app.register(listingRoutes);

  app.get(
    '/verify/:code',
    {
      schema: {
        tags,
        summary: '扫码核验电子证照（公开）：真伪与状态，仅显示公开字段',
        params: Type.Object({ code: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request) => verifyByCode({ db: db(), code: request.params.code }),
  );

  app.post(
    '/verify/file',
    {
      schema: {
        tags,
        summary:
          '核验证照文件（公开）：用已公布的电子印章公钥验证下载的证照文件的签名，并给出该证照当前的状态',
        body: CertificateFileBody,
      },
    },
    async (request) => verifyFile({ db: db(), file: request.body }),
  );

  app.get(
    '/certificates/keys',
    {
      schema: {
        tags,
        summary: '各发证机构的电子印章公钥（SM2，含已轮换停用的密钥），供离线验证',
        querystring: SealKeysQuery,
      },
      // Published keys, the same for everyone: a rotation shows within a minute.
      onSend: cachePublicly,
    },
    async (request) => ({
      keys: await publishedKeys({ db: db(), organisationId: request.query.organisationId }),
    }),
  );

  app.get(
    '/certificate-types',
    { schema: { tags, summary: '证照目录：证照类型、持证主体、字段与有效期规则' } },
    async () => ({ items: await listCertificateTypes(db()) }),
  );

  app.post(
    '/certificates/keys/rotate',
    {
      schema: {
        tags,
        summary: '轮换发证机构的电子印章密钥（旧密钥保留，已出具的证照仍可验证）',
        body: RotateSealKeyBody,
      },
    },
    async (request) => {
      requireActor(request);
      const scope = await organisationScope(db(), request.body.organisationId);
      authorize(request, 'certificate.keys', scope);
      return rotateSealKey({ db: db(), audit: auditContext(request), organisationId: scope.organisationId });
    },
  );

  app.get(
    '/certificates/lookup',
    {
      schema: {
        tags,
        summary:
          '按身份证号码或统一社会信用代码查询持证人已授权给本机构或本人可见办件的证照（每次查询留痕审计）',
        querystring: HolderLookupQuery,
      },
    },
    async (request) => {
      const actor = authorize(request, 'certificate.lookup');
      return lookupHolderCertificates({
        db: db(),
        audit: auditContext(request),
        actor,
        caseSight,
        holderKind: request.query.holderKind,
        holderLogin: request.query.holderLogin,
      });
    },
  );

  app.get(
    '/certificates/:id',
    {
      schema: {
        tags,
        summary: '电子证照详情（持证人、发证部门及其所在地区的监察和管理人员）',
        params: IdParams,
      },
    },
    async (request) => {
      const row = await certificateFor(db(), requireActor(request), request.params.id);
      return (await viewsOf(db(), [row]))[0];
    },
  );

  app.get(
    '/certificates/:id/file',
    {
      schema: {
        tags,
        summary:
          '下载证照文件（JSON：证照数据、SM2 签名、密钥标识），可用 npm run cert:verify 离线验证；容缺材料未补齐的办件，其证照暂缓出具（409）',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const row = await certificateFor(db(), requireActor(request), request.params.id);
      await notHeld(row);
      const file = await certificateFile({ db: db(), id: row.id });
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="certificate-${row.number}.json"`)
        .send(JSON.stringify(file, null, 2));
    },
  );

  app.get(
    '/certificates/:id/pdf',
    {
      schema: {
        tags,
        summary: '电子证照 PDF（含电子印章与核验二维码）；容缺材料未补齐的办件，其证照暂缓出具（409）',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const row = await certificateFor(db(), requireActor(request), request.params.id);
      await notHeld(row);
      const [certificate] = await viewsOf(db(), [row]);
      const pdf = await renderCertificatePdf({
        certificate: certificate!,
        verifyUrl: verifyUrl(`${request.protocol}://${request.host}`, row.verificationCode),
      });
      const name = `${row.typeName}-${row.number}.pdf`;
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="certificate-${row.number}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销电子证照（发证部门负责人或系统管理员；须写明原因）',
        params: IdParams,
        body: RevokeBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await certificateFor(db(), actor, request.params.id);
      authorize(request, 'certificate.revoke', await certificateResource(db(), actor, row));
      return revokeCertificate({
        db: db(),
        audit: auditContext(request),
        id: row.id,
        reason: request.body.reason,
      });
    },
  );
}
