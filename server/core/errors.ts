import { ERROR_CATALOGUE, type ErrorCode, formatErrorMessage, type Language } from '../../common/errors.ts';

export type { ErrorCode } from '../../common/errors.ts';

/** The one error type of the server. Services throw it; the HTTP edge maps it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly field: string | undefined;
  readonly details: unknown;
  constructor(
    code: ErrorCode,
    options: { params?: Record<string, string | number>; field?: string; details?: unknown } = {},
  ) {
    super(formatErrorMessage(code, 'en', { field: options.field ?? '', ...options.params }));
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.params = { field: options.field ?? '', ...options.params };
    this.details = options.details;
  }
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
  localized(language: Language): string {
    return formatErrorMessage(this.code, language, this.params);
  }
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
