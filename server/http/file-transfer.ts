import { type TSchema, Type } from 'typebox';

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
