import fc from 'fast-check';
import { PDF, PNG } from '../../cases/testing.ts';
import { type Caller, type FuzzRoute, type Parameter, SIGNED_IN } from './routes.ts';
import { type Known, type Schema, valueFor } from './schema.ts';
import { deepJson, hostileBytes, hostileCsv, hostileJson, hostileString, rawJsonText } from './values.ts';

/** One generated request. */
export type FuzzRequest = {
  caller: Caller;
  /** Whether the CSRF header of the caller's session is sent. */
  csrf: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD, as a browser would send it). */
export function encode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Path segments and query values sent as they are: invalid percent-encodings, overlong UTF-8, traversal. */
const RAW_SEGMENTS = [
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  '%',
  '%zz',
  '%2e%2e',
  '..',
  '%2F',
  '-1',
  '0',
  '1e999',
  '99999999999999999999',
  '%F0%9F%98%80',
  'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  'AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA',
];

const RAW_QUERY = [
  '&',
  '&&',
  '=',
  'x=%',
  'x=%zz',
  'limit=1&limit=2',
  '__proto__[x]=1',
  'a[b]=c',
  '%00=%00',
  'q=%ED%A0%80',
  'offset=-1',
  'limit=1e999',
];

/** A parameter's value as sent in the URL: fitting its schema, or (hostile) often not. */
function parameterValue(parameter: Parameter, known: Known, hostile: boolean): fc.Arbitrary<string | null> {
  const schema: Schema = parameter.schema;
  const toText = (v: unknown): string | null =>
    v === undefined ? null : typeof v === 'string' ? encode(v) : encode(JSON.stringify(v));
  if (!hostile) return valueFor(schema, parameter.name, { known, mutate: false }).map(toText);
  return fc.oneof(
    { weight: 6, arbitrary: valueFor(schema, parameter.name, { known, mutate: false }).map(toText) },
    { weight: 2, arbitrary: valueFor(schema, parameter.name, { known, mutate: true }).map(toText) },
    { weight: 1, arbitrary: hostileString(40).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

function pathOf(route: FuzzRoute, known: Known, hostile: boolean): fc.Arbitrary<string> {
  const params = route.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...params.map((p) => parameterValue(p, known, hostile))).map((values) => {
    let url = route.path;
    params.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, values[i] ?? '');
    });
    return url;
  });
}

function queryOf(route: FuzzRoute, known: Known, hostile: boolean): fc.Arbitrary<string> {
  const params = route.parameters.filter((p) => p.in === 'query');
  const pieces = params.map((p) =>
    fc
      .tuple(fc.integer({ min: 0, max: 9 }), parameterValue(p, known, hostile), fc.boolean())
      .map(([presence, value, twice]) => {
        if (value === null || (!p.required && presence < 4)) return [];
        const pair = `${p.name}=${value}`;
        return hostile && twice && presence === 9 ? [pair, pair] : [pair];
      }),
  );
  if (!hostile)
    return fc.tuple(...pieces).map((parts) => (parts.flat().length > 0 ? `?${parts.flat().join('&')}` : ''));
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant([] as string[]) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY).map((q) => [q]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileString(12), hostileString(24))
        .map(([k, v]) => [`${encode(k)}=${encode(v)}`]),
    },
  );
  return fc.tuple(fc.tuple(...pieces), extra).map(([parts, more]) => {
    const all = [...parts.flat(), ...more];
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

/** Header values limited to what an HTTP client can send (visible Latin-1). */
const headerText = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function headersOf(route: FuzzRoute, known: Known): fc.Arbitrary<Record<string, string>> {
  const params = route.parameters.filter((p) => p.in === 'header');
  return fc
    .tuple(
      ...params.map((p) =>
        fc.oneof(
          // The kiosk's own token is sent by the world; a given one replaces it.
          { weight: p.name === 'x-kiosk-token' ? 18 : 2, arbitrary: fc.constant(undefined) },
          { weight: 4, arbitrary: valueFor(p.schema, p.name, { known, mutate: false }) },
          { weight: 2, arbitrary: hostileString(80) },
        ),
      ),
    )
    .map((values) => {
      const headers: Record<string, string> = {};
      params.forEach((p, i) => {
        const v = values[i];
        if (v !== undefined) headers[p.name] = headerText(typeof v === 'string' ? v : JSON.stringify(v));
      });
      return headers;
    });
}

type Body = { type: string | null; payload: string | Buffer | undefined };

const JSON_TYPES = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=gbk',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----fuzz',
      'application/octet-stream',
      'application/xml',
      'application/vnd.api+json',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

const json = (value: unknown) => JSON.stringify(value) ?? 'null';

function jsonBody(schema: Schema, known: Known): fc.Arbitrary<Body> {
  const text = fc.oneof(
    { weight: 6, arbitrary: valueFor(schema, '', { known, mutate: false }).map(json) },
    { weight: 4, arbitrary: valueFor(schema, '', { known, mutate: true }).map(json) },
    { weight: 1, arbitrary: hostileJson.map(json) },
    { weight: 1, arbitrary: deepJson.map(json) },
    { weight: 1, arbitrary: rawJsonText },
    {
      weight: 1,
      arbitrary: fc.array(valueFor(schema, '', { known, mutate: false }), { maxLength: 3 }).map(json),
    },
  );
  return fc.tuple(JSON_TYPES, text).map(([type, payload]) => ({ type, payload }));
}

const fileBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'application/octet-stream',
          'application/pdf',
          'image/png',
          'image/jpeg',
          'text/csv',
          XLSX,
        ),
        fc.oneof(hostileBytes, hostileCsv, fc.constantFrom(PDF('fuzz'), PNG)),
      )
      .map(([type, payload]) => ({ type, payload })),
  },
  { weight: 2, arbitrary: fc.constant({ type: null, payload: undefined }) },
  { weight: 2, arbitrary: hostileJson.map((v) => ({ type: 'application/json', payload: json(v) })) },
  { weight: 1, arbitrary: rawJsonText.map((payload) => ({ type: 'application/json', payload })) },
);

function bodyOf(route: FuzzRoute, known: Known): fc.Arbitrary<Body> {
  if (route.body) return jsonBody(route.body, known);
  if (route.file) return fileBody;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<Body>({ type: null, payload: undefined }) },
    { weight: 1, arbitrary: hostileJson.map((v) => ({ type: 'application/json', payload: json(v) })) },
  );
}

function callerOf(route: FuzzRoute): fc.Arbitrary<Caller> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...route.callers) },
    { weight: 1, arbitrary: fc.constantFrom<Caller>('anonymous', ...SIGNED_IN) },
  );
}

/** Requests to `route`: callers, path and query parameters, headers and bodies, mostly fitting, often hostile. */
export function requestsFor(
  route: FuzzRoute,
  known: { body: Known; path: Known },
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      caller: callerOf(route),
      csrf: fc.oneof(
        { weight: 19, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      // The URL of most requests fits the route, so that their bodies are what is tested.
      url: fc
        .oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
        .chain((hostile) =>
          fc.tuple(pathOf(route, known.path, hostile), queryOf(route, known.body, hostile)),
        ),
      headers: headersOf(route, known.body),
      body: bodyOf(route, known.body),
    })
    .map(({ caller, csrf, url: [path, query], headers, body }) => ({
      caller,
      csrf,
      method: route.method,
      url: `${path}${query}`,
      headers: body.type ? { ...headers, 'content-type': body.type } : headers,
      payload: body.payload,
    }));
}

/** The request as a failure message shows it (control characters and lone surrogates escaped). */
export function describeRequest(r: FuzzRequest): string {
  const payload =
    r.payload === undefined
      ? '(no body)'
      : Buffer.isBuffer(r.payload)
        ? `<${r.payload.length} bytes> ${r.payload.subarray(0, 48).toString('hex')}`
        : JSON.stringify(
            r.payload.length > 600 ? `${r.payload.slice(0, 600)}… (${r.payload.length} chars)` : r.payload,
          );
  return `${r.caller}${r.csrf ? '' : ' (no CSRF)'} ${r.method} ${r.url.slice(0, 300)} ${JSON.stringify(r.headers)} ${payload}`;
}
