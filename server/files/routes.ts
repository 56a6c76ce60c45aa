import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { AppError } from '../core/errors.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { mayReadFile } from './access.ts';
import { extensionOf, MEDIA_TYPES } from './detect.ts';
import { openFile, storeFile } from './service.ts';
import { tooLarge } from './staging.ts';

const tags = ['files'];
/** Browsers and scanners label uploads variously; the content decides the type either way. */
const UPLOAD_TYPES = [...MEDIA_TYPES, 'application/octet-stream'];
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: '文件内容的 SHA-256（小写十六进制）' });
const StoredFile = Type.Object({
  sha256: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
});

/** Attachments: upload (PDF, JPEG, PNG; type from the content) and download. */
export async function fileRoutes(app: App): Promise<void> {
  const { config, database } = app.deps;
  const limit = config.fileMaxBytes;

  // The body is handed on unread: the route streams it into the store.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/files',
    {
      schema: {
        tags,
        summary: '上传文件（请求体为文件本身；只接受 PDF、JPG、PNG，类型按内容识别）',
        consumes: UPLOAD_TYPES,
        querystring: Type.Object(
          { name: Type.Optional(Type.String({ maxLength: 255, description: '原文件名' })) },
          { additionalProperties: false },
        ),
        response: { 200: StoredFile },
      },
      // Refused before a byte of the body is read: without a session, or announced as too large.
      onRequest: async (request) => {
        requireActor(request);
        if (Number(request.headers['content-length']) > limit) throw tooLarge(limit);
      },
    },
    async (request) => {
      requireActor(request);
      const { body } = request;
      // A body the other parsers took (text, JSON) is no PDF or image either.
      if (body !== undefined && !(body instanceof Readable)) {
        throw new AppError('files.unsupported_type', { field: 'file' });
      }
      return storeFile({
        db: database.db,
        dataDir: config.dataDir,
        content: body ?? Buffer.alloc(0),
        declaredName: request.query.name ?? '',
        maxBytes: limit,
        audit: auditContext(request),
      });
    },
  );

  app.get(
    '/files/:sha256',
    {
      schema: {
        tags,
        summary: '下载文件（上传者本人或系统管理员）',
        params: Type.Object({ sha256: Sha256 }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { sha256 } = request.params;
      if (!(await mayReadFile({ db: database.db, actor, sha256 }))) {
        throw new AppError('resource.not_found', { params: { resource: '文件' } });
      }
      const file = await openFile({ db: database.db, dataDir: config.dataDir, sha256 });
      return (
        reply
          .type(file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', `inline; filename="${sha256}.${extensionOf(file.mediaType)}"`)
          // Personal files: kept by no cache, shared or private, so none outlives the session.
          .header('cache-control', 'private, no-store')
          .send(file.stream)
      );
    },
  );
}
