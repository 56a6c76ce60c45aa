import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { Id, IdParams } from '../../common/api.ts';
import { UploadQuery } from '../../common/cases/api.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, type Resource } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { MEDIA_TYPES, tooLarge } from '../files/index.ts';
import { NOTICE_KINDS } from '../notices/index.ts';
import { applicationPdf } from './application-pdf.ts';
import { type AttachmentSource, attachMaterial, readAttachment } from './attachments.ts';
import { caseNotice } from './notices.ts';
import { visibleCase } from './queries.ts';

const tags = ['cases'];
/** Browsers and scanners label uploads variously; the content decides the type either way. */
const UPLOAD_TYPES = [...MEDIA_TYPES, 'application/octet-stream'];

/** `inline; filename*=UTF-8''…`: Chinese file names survive in every current browser. */
const disposition = (name: string) => `inline; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A clerk of the case's hall scans at the counter; the applicant or agent uploads. */
function sourceOf(actor: Actor, resource: Resource): { source: AttachmentSource; role: string } {
  const clerk = actor.grants.some(
    (g) => g.role === 'window_clerk' && can({ ...actor, grants: [g] }, 'case.supply_gap', resource),
  );
  if (clerk) return { source: 'clerk_scan', role: 'window_clerk' };
  return { source: 'applicant', role: actor.accountId === resource.agentAccountId ? 'agent' : 'applicant' };
}

/** The files of a case: its notices as PDFs, and the materials handed in. */
export async function caseFileRoutes(app: App): Promise<void> {
  const { config, database } = app.deps;
  const limit = config.fileMaxBytes;

  // The body is handed on unread: the route checks the case first, then streams it into the store.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.get(
    '/cases/:id/notices/:kind',
    {
      schema: {
        tags,
        summary: '办件通知书 PDF（受理、不予受理、补正材料、准予/不予许可决定书），办件到达相应环节后可下载',
        params: Type.Object({ id: Id, kind: Type.Enum([...NOTICE_KINDS]) }),
      },
    },
    async (request, reply) => {
      const { row } = await visibleCase(database.db, requireActor(request), request.params.id);
      const { pdf, fileName } = await caseNotice({
        db: database.db,
        row,
        kind: request.params.kind,
        origin: `${request.protocol}://${request.host}`,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/cases/:id/application.pdf',
    {
      schema: {
        tags,
        summary:
          '申请书 PDF：办件在线填写的申请表（含办件编号、进度查询二维码、数据来源），可查看该办件者下载',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { row } = await visibleCase(database.db, requireActor(request), request.params.id);
      const { pdf, fileName } = await applicationPdf({
        db: database.db,
        row,
        origin: `${request.protocol}://${request.host}`,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/cases/:id/materials/:materialKey',
    {
      schema: {
        tags,
        summary:
          '补充办件材料（请求体为文件本身，PDF、JPG、PNG）：申请人或代办人在补正、容缺补齐阶段上传，或本大厅窗口人员扫描',
        consumes: UPLOAD_TYPES,
        params: Type.Object({ id: Id, materialKey: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: UploadQuery,
      },
      // Refused before a byte of the body is read: without a session, or announced as too large.
      onRequest: async (request) => {
        requireActor(request);
        if (Number(request.headers['content-length']) > limit) throw tooLarge(limit);
      },
    },
    async (request, reply) => {
      const { row, resource } = await visibleCase(database.db, requireActor(request), request.params.id);
      // Who may hand in materials: the applicant or agent of the case, or a clerk of its hall.
      const actor = authorize(request, 'case.supply_gap', resource);
      const { body } = request;
      // A body the other parsers took (text, JSON) is no PDF or image either.
      if (body !== undefined && !(body instanceof Readable)) {
        throw new AppError('files.unsupported_type', { field: 'file' });
      }
      const { source, role } = sourceOf(actor, resource);
      const created = await attachMaterial({
        db: database.db,
        audit: auditContext(request, role),
        dataDir: config.dataDir,
        row,
        materialKey: request.params.materialKey,
        source,
        content: body ?? Buffer.alloc(0),
        fileName: request.query.name ?? '',
        maxBytes: limit,
      });
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/cases/:id/materials/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载办件材料（可查看该办件者）',
        params: Type.Object({ id: Id, attachmentId: Id }),
      },
    },
    async (request, reply) => {
      const { row } = await visibleCase(database.db, requireActor(request), request.params.id);
      const { attachment, file } = await readAttachment({
        db: database.db,
        dataDir: config.dataDir,
        caseId: row.id,
        attachmentId: request.params.attachmentId,
      });
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header('content-disposition', disposition(attachment.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
