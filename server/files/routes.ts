import { Type } from 'typebox';
import { sendError } from '../http/error-handler.ts';
import { AppError } from '../http/errors.ts';
import { auditContext, requireActor } from '../http/guard.ts';
import type { App } from '../http/types.ts';
import { mayReadFile } from './access.ts';
import { extensionOf, MEDIA_TYPES } from './detect.ts';
import { formatBytes, readFile, storeFile } from './service.ts';

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

  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error, request, reply) => {
    const tooLarge = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    sendError(
      tooLarge
        ? new AppError('files.too_large', { field: 'file', params: { limit: formatBytes(limit) } })
        : error,
      request,
      reply,
    );
  });

  app.post(
    '/files',
    {
      bodyLimit: limit,
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
    },
    async (request) => {
      requireActor(request);
      const { body } = request;
      // A body the other parsers took (text, JSON, a form) is no PDF or image either.
      if (body !== undefined && !Buffer.isBuffer(body))
        throw new AppError('files.unsupported_type', { field: 'file' });
      const content = body ?? Buffer.alloc(0);
      return storeFile({
        db: database.db,
        dataDir: config.dataDir,
        content,
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
      const file = await readFile({ db: database.db, dataDir: config.dataDir, sha256 });
      return reply
        .type(file.mediaType)
        .header('content-disposition', `inline; filename="${sha256}.${extensionOf(file.mediaType)}"`)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(file.content);
    },
  );
}
