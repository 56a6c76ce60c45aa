/**
 * The one way the app talks to the server: JSON over fetch with the session cookie,
 * the CSRF token on writes and the user's language in Accept-Language, so that error
 * messages come back localized.
 */

export type ApiErrorBody = {
  error: { code: string; message: string; field?: string; requestId?: string; details?: unknown };
};

/** An error answer from the API; `message` is the server's localized message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** Structured details some errors carry (e.g. the rows an import refused). */
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.requestId = body.requestId;
    this.details = body.details;
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request body that is sent as it is (a file) rather than as JSON. */
type RawBody = { raw: Blob; contentType: string };

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  raw?: RawBody,
  extraHeaders?: Record<string, string>,
  keepalive = false,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...extraHeaders,
  };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      keepalive,
      body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'network',
      message: language.startsWith('en') ? 'Cannot reach the server' : '无法连接服务器，请检查网络',
    });
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (data as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error ?? { code: 'http', message: `${response.status} ${response.statusText}` },
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  /** `headers` adds request headers, e.g. an Idempotency-Key. */
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, body ?? {}, undefined, undefined, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /**
   * PUTs with fetch's `keepalive`, so that the request is still sent when the page is being closed
   * or reloaded (pagehide); the body may not exceed 64 KiB.
   */
  putWhileLeaving: <T>(path: string, body: unknown) =>
    request<T>('PUT', path, body, undefined, undefined, undefined, true),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  /** POSTs a file as the request body with its own content type. */
  upload: <T>(path: string, file: Blob, contentType: string) =>
    request<T>('POST', path, undefined, undefined, { raw: file, contentType }),
};
