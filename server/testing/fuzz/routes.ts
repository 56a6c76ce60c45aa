import type { App } from '../../core/http/types.ts';
import type { Schema } from './schema.ts';

/** Who sends a request: nobody, a demo sign-in, or the demo kiosk (its token, and its session once a card was read). */
export type Caller =
  | 'anonymous'
  | 'admin'
  | 'editor'
  | 'clerk'
  | 'reviewer'
  | 'head'
  | 'manager'
  | 'supervisor'
  | 'approver'
  | 'agent'
  | 'hotline'
  | 'person'
  | 'company'
  | 'kiosk';

export const SIGNED_IN: Exclude<Caller, 'anonymous' | 'kiosk'>[] = [
  'admin',
  'editor',
  'clerk',
  'reviewer',
  'head',
  'manager',
  'supervisor',
  'approver',
  'agent',
  'hotline',
  'person',
  'company',
];

export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema };

/** One operation of the OpenAPI document, with the callers allowed to use it. */
export type FuzzRoute = {
  method: string;
  /** The path as the OpenAPI document writes it: /api/cases/{id}. */
  path: string;
  key: string;
  parameters: Parameter[];
  /** The JSON body's schema; null when the route declares none (no body, or a file as the body). */
  body: Schema | null;
  /** The body is a file (an upload or an import), not JSON. */
  file: boolean;
  callers: Caller[];
};

const FILE_ROUTES = [
  'POST /api/files',
  'POST /api/cases/{id}/materials/{materialKey}',
  'POST /api/catalogue/import',
  'POST /api/registries/{kind}/import',
];

/** The callers that may use a route (the first match), so that most requests pass the permission check. */
const CALLERS: [RegExp, Caller[]][] = [
  [/^POST \/api\/auth\/logout$/, ['person', 'anonymous']],
  [/^\w+ \/api\/auth\//, ['anonymous', 'person', 'admin']],
  [/^\w+ \/api\/accounts/, ['admin']],
  [/^\w+ \/api\/audit/, ['admin', 'supervisor']],
  [/^\w+ \/api\/(regions|organisations|calendar|registries)/, ['admin']],
  [/^\w+ \/api\/halls/, ['admin', 'manager']],
  [/^\w+ \/api\/catalogue\/implementations\/\{id\}\/(approve|reject|retire)$/, ['approver']],
  [
    /^\w+ \/api\/catalogue\/(basic-matters|implementations|import|export|import-template)/,
    ['editor', 'approver'],
  ],
  [/^\w+ \/api\/catalogue\//, ['anonymous', 'person']],
  [/^\w+ \/api\/cases\/\{id\}\/(resubmit|withdraw)$/, ['person', 'company']],
  [/^\w+ \/api\/cases\/\{id\}\/post-originals$/, ['person', 'company', 'clerk']],
  [
    /^\w+ \/api\/cases\/\{id\}\/(start-review|approve|deny|suspend|resume|hand-back|escalate|terminate|verify|revoke|reassign|reviewers)$/,
    ['reviewer', 'head'],
  ],
  [/^\w+ \/api\/cases\/\{id\}\/[a-z-]+$/, ['clerk', 'reviewer']],
  [/^POST \/api\/cases$/, ['person', 'company', 'clerk', 'agent', 'kiosk']],
  [/^\w+ \/api\/cases\/prefill$/, ['person', 'clerk', 'agent']],
  [/^\w+ \/api\/cases\/material-statistics$/, ['anonymous']],
  [/^\w+ \/api\/cases/, ['clerk', 'reviewer', 'person', 'company']],
  [/^\w+ \/api\/credit-records/, ['head', 'supervisor']],
  [/^\w+ \/api\/progress$/, ['anonymous']],
  [/^\w+ \/api\/me\/certificates/, ['company', 'person']],
  [/^\w+ \/api\/certificates\/keys\/rotate$/, ['admin']],
  [/^\w+ \/api\/certificates\/lookup$/, ['clerk', 'reviewer']],
  [/^\w+ \/api\/certificates\/\{id\}\/revoke$/, ['head', 'admin']],
  [/^\w+ \/api\/certificates/, ['head', 'reviewer', 'company']],
  [/^\w+ \/api\/(verify|certificate-types|health)/, ['anonymous']],
  [/^\w+ \/api\/files/, ['person', 'clerk', 'admin']],
  [/^\w+ \/api\/notifications/, ['person', 'company', 'clerk']],
  [/^\w+ \/api\/kiosk\/devices/, ['manager', 'admin']],
  [
    /^POST \/api\/inspectors\/(applications|findings|tasks\/\{id\}\/done|findings\/\{id\}\/confirm)$/,
    ['person'],
  ],
  [/^\w+ \/api\/inspectors\/(inbox|findings\/\{id\}\/rectify)$/, ['head', 'reviewer']],
  [/^GET \/api\/inspectors\/(me|findings\/\{id\}.*)$/, ['person', 'supervisor']],
  [/^GET \/api\/inspectors\/published$/, ['anonymous']],
  [/^\w+ \/api\/inspectors\//, ['supervisor', 'admin']],
  [/^\w+ \/api\/(tickets\/kiosk|kiosk)\//, ['kiosk']],
  [/^POST \/api\/help-requests$/, ['person', 'kiosk']],
  [/^\w+ \/api\/ratings\/hotline/, ['hotline']],
  [/^\w+ \/api\/ratings\/figures$/, ['supervisor', 'head']],
  [/^\w+ \/api\/ratings\/public$/, ['anonymous', 'person']],
  [/^\w+ \/api\/hotline\/assignments\/\{id\}\/review$/, ['hotline']],
  [/^\w+ \/api\/hotline\/assignments/, ['head', 'reviewer']],
  [/^POST \/api\/hotline\/requests\/\{id\}\/urge$/, ['supervisor']],
  [/^\w+ \/api\/hotline\/(figures|figures\.xlsx|escalated)$/, ['supervisor', 'hotline']],
  [/^\w+ \/api\/hotline\/(portal|mine)$/, ['person', 'company']],
  [/^\w+ \/api\/hotline\//, ['hotline']],
  [/^\w+ \/api\/(region-settings|assessment)\//, ['supervisor', 'admin']],
  [/^\w+ \/api\/statistics\//, ['supervisor', 'admin']],
  [/^GET \/api\/screen(\/stream)?$/, ['anonymous']],
];

/**
 * Routes that end sessions (renewed after them) or disable what others use (accounts, kiosks, halls,
 * windows, organisations): fuzzed last, in this order, so that the routes before them meet an intact world.
 */
const DESTRUCTIVE = [
  /^POST \/api\/kiosk\/sign-out$/,
  /^POST \/api\/auth\/logout$/,
  /^POST \/api\/certificates\/keys\/rotate$/,
  /^POST \/api\/accounts\/\{id\}\/(deactivate|reset-password)$/,
  /^DELETE \/api\/accounts\//,
  /^POST \/api\/kiosk\/devices\/\{id\}\/deactivate$/,
  /^PATCH \/api\/(halls|organisations)\//,
  /^POST \/api\/organisations\/\{id\}\/(deactivate|activate)$/,
];

const rank = (key: string) => {
  const i = DESTRUCTIVE.findIndex((r) => r.test(key));
  return i === -1 ? -1 : i;
};

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/** Every operation of the app's OpenAPI document, destructive ones last. */
export function fuzzRoutes(app: App): FuzzRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path}`;
      const parameters = (operation.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.name,
          in: p.in as Parameter['in'],
          required: p.required ?? p.in === 'path',
          schema: p.schema ?? {},
        }));
      const body = operation.requestBody?.content?.['application/json']?.schema ?? null;
      const callers = CALLERS.find(([pattern]) => pattern.test(key))?.[1] ?? [...SIGNED_IN, 'anonymous'];
      const file = FILE_ROUTES.includes(key);
      routes.push({ method: method.toUpperCase(), path, key, parameters, body, file, callers });
    }
  }
  const missing = FILE_ROUTES.filter((key) => !routes.some((r) => r.key === key));
  if (missing.length > 0) throw new Error(`file routes not in the OpenAPI document: ${missing.join(', ')}`);
  return routes.sort((a, b) => rank(a.key) - rank(b.key));
}
