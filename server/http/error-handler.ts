import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../common/errors.ts';
import { AppError, languageOf } from '../core/errors.ts';

type ValidationIssue = {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
};

const ZH_PROBLEMS: Record<string, string> = {
  required: '为必填项',
  additionalProperties: '不是可接受的字段',
  type: '类型不正确',
  format: '格式不正确',
  minLength: '太短',
  maxLength: '太长',
  pattern: '格式不正确',
  enum: '不是允许的取值',
  minimum: '太小',
  maximum: '太大',
  const: '不是允许的取值',
  anyOf: '格式不正确',
};

/** Turns a schema validation failure into a 400 that names the field. */
function fromValidation(error: FastifyError): AppError {
  const issue = (error.validation?.[0] ?? {}) as ValidationIssue;
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  let field = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  if (issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string') {
    field = field ? `${field}.${issue.params.missingProperty}` : issue.params.missingProperty;
  }
  if (issue.keyword === 'additionalProperties' && typeof issue.params?.additionalProperty === 'string') {
    field = field ? `${field}.${issue.params.additionalProperty}` : issue.params.additionalProperty;
  }
  if (!field) field = context;
  const keyword = issue.keyword ?? 'type';
  return new AppError('request.invalid', {
    field,
    params: { problem: ZH_PROBLEMS[keyword] ?? '不正确', problemEn: issue.message ?? 'is invalid' },
    details: { keyword, in: context },
  });
}

/** An AppError, itself or wrapped by the query builder (which keeps the failure as its cause). */
function wrappedAppError(error: unknown): AppError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof AppError) return e;
  }
  return null;
}

function toAppError(error: unknown): AppError | null {
  const appError = wrappedAppError(error);
  if (appError) return appError;
  const e = error as FastifyError;
  if (e?.validation) return fromValidation(e);
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('request.unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.invalid', {
        field: 'body',
        params: { problem: '不能为空', problemEn: 'must not be empty' },
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.invalid', {
        field: 'body',
        params: { problem: '不是有效的 JSON', problemEn: 'is not valid JSON' },
      });
    case 'FST_ERR_BAD_URL':
      return new AppError('request.invalid', {
        field: 'url',
        params: { problem: '不是有效的网址', problemEn: 'is not a valid URL' },
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('request.invalid', {
        field: 'url',
        params: { problem: '中的参数过长', problemEn: 'has a path parameter that is too long' },
      });
    case 'FST_ERR_RATE_LIMIT':
      return new AppError('request.rate_limited');
  }
  if (e?.statusCode === 400 && e instanceof SyntaxError) {
    return new AppError('request.invalid', {
      field: 'body',
      params: { problem: '不是有效的 JSON', problemEn: 'is not valid JSON' },
    });
  }
  if (e?.statusCode === 413) return new AppError('request.body_too_large');
  if (e?.statusCode === 415) return new AppError('request.unsupported_media_type');
  return null;
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const language = languageOf(request.headers['accept-language']);
  const appError = toAppError(error);
  if (!appError) {
    request.log.error({ err: error }, 'unhandled error');
    const fallback = new AppError('server.internal');
    reply.status(500).send({
      error: { code: fallback.code, message: fallback.localized(language), requestId: request.id },
    } satisfies ErrorBody);
    return;
  }
  if (appError.status >= 500) request.log.error({ err: error }, appError.code);
  const params =
    language === 'en' && typeof appError.params.problemEn === 'string'
      ? { ...appError.params, problem: appError.params.problemEn }
      : appError.params;
  const localized = new AppError(appError.code, { field: appError.field, params, details: appError.details });
  reply.status(appError.status).send({
    error: {
      code: appError.code,
      message: localized.localized(language),
      ...(appError.field ? { field: appError.field } : {}),
      ...(appError.details !== undefined ? { details: appError.details } : {}),
      requestId: request.id,
    },
  } satisfies ErrorBody);
}
