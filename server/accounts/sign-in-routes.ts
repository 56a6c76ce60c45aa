import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Me } from '../../common/me.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { describeMe } from './actors.ts';
import type { SendCode } from './claim.ts';
import { claimRoutes } from './claim-routes.ts';
import { registerApplicant } from './registration.ts';
import { Password, SignedIn } from './schemas.ts';
import { clearSessionCookie, setSessionCookie, userAgentOf } from './session-cookie.ts';
import type { NewSession } from './sessions.ts';
import { signIn, signOut } from './sign-in.ts';

const tags = ['auth'];
const ApplicantKind = Type.Union([Type.Literal('person'), Type.Literal('company')]);

/** Sign-in, sign-out, registration (and claiming a walk-in account) and the current user. */
/** What the sign-in routes are handed: how a claim's one-time code goes by SMS. */
export type SignInRouteOptions = { sendCode: SendCode };

export async function signInRoutes(app: App, options: SignInRouteOptions): Promise<void> {
  const { db } = app.deps.database;
  const { config } = app.deps;
  /** What signing in and registering need from the request. */
  const from = (request: FastifyRequest) => ({
    db,
    config,
    audit: auditContext(request),
    userAgent: userAgentOf(request),
  });
  /** Sets the session cookie and answers with the user and the CSRF token. */
  const signedIn = (reply: FastifyReply, { me, session }: { me: Me; session: NewSession }) => {
    setSessionCookie(app, reply, session);
    return { user: me, csrfToken: session.csrfToken };
  };

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: '工作人员登录（用户名 + 密码）',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Password },
          { additionalProperties: false },
        ),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) =>
      signedIn(
        reply,
        await signIn({
          ...from(request),
          input: { kind: 'staff', login: request.body.username, password: request.body.password },
        }),
      ),
  );

  app.post(
    '/auth/applicant-login',
    {
      schema: {
        tags,
        summary: '申请人登录（个人：身份证号码；法人：统一社会信用代码）',
        body: Type.Object(
          { kind: ApplicantKind, login: Type.String({ minLength: 1, maxLength: 32 }), password: Password },
          { additionalProperties: false },
        ),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => signedIn(reply, await signIn({ ...from(request), input: request.body })),
  );

  app.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: '申请人注册（个人或法人），注册后即登录',
        body: Type.Object(
          {
            kind: ApplicantKind,
            login: Type.String({ minLength: 1, maxLength: 32 }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            password: Password,
            phone: Type.Optional(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: SignedIn },
      },
    },
    async (request, reply) => {
      const answer = signedIn(reply, await registerApplicant({ ...from(request), input: request.body }));
      return reply.status(201).send(answer);
    },
  );

  await claimRoutes(app, options);

  app.post(
    '/auth/logout',
    { schema: { tags, summary: '退出登录', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionId) {
        await signOut({ db, audit: auditContext(request), sessionId: request.sessionId });
      }
      clearSessionCookie(app, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: '当前登录用户及其角色', response: { 200: SignedIn } } },
    async (request) => {
      const actor = requireActor(request);
      return { user: await describeMe(db, actor), csrfToken: request.csrfToken ?? '' };
    },
  );
}
