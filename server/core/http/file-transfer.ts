import { type TSchema, Type } from 'typebox';
import { AppError } from '../errors.ts';

/** `attachment` with an ASCII fallback name and the UTF-8 name: Chinese file names survive in every browser. */
export const attachment = (name: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Responses of an all-or-nothing file import: the counts, or a 400 whose details list every
 * problem found (`issue` is the shape of one problem).
 */
export function importResponses(issue: TSchema) {
  return {
    200: Type.Object({ imported: Type.Integer(), created: Type.Integer(), updated: Type.Integer() }),
    400: Type.Object({
      error: Type.Object({
        code: Type.String(),
        message: Type.String(),
        field: Type.Optional(Type.String()),
        details: Type.Optional(Type.Object({ errors: Type.Optional(Type.Array(issue)) })),
        requestId: Type.Optional(Type.String()),
      }),
    }),
  };
}

/**
 * The file an import sends as its request body. Anything else the other parsers took (a JSON
 * object, text) or no body at all is a 400 naming `file`, not a failure deep in the import.
 */
export function fileBody(body: unknown, kind: { zh: string; en: string }): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new AppError('request.invalid', {
    field: 'file',
    params: {
      problem: `应为${kind.zh}（以文件本身作为请求体）`,
      problemEn: `must be ${kind.en} sent as the request body`,
    },
  });
}
