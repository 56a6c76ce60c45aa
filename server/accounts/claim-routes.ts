import { Type } from 'typebox';
import { auditContext } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { completeClaim, type SendCode, startClaim } from './claim.ts';
import { Password, SignedIn } from './schemas.ts';
import { setSessionCookie, userAgentOf } from './session-cookie.ts';

const tags = ['auth'];
const strict = { additionalProperties: false } as const;

/** Claiming an account created at a counter: name check and SMS code, then a password. */
export async function claimRoutes(app: App, options: { sendCode: SendCode }): Promise<void> {
  const { db } = app.deps.database;
  const { config } = app.deps;

  app.post(
    '/auth/claim',
    {
      schema: {
        tags,
        summary: '认领窗口登记的账号（第一步）：核对证件号码与登记姓名，向登记手机号码发送验证码',
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
            login: Type.String({ minLength: 1, maxLength: 32 }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
          },
          strict,
        ),
        response: {
          201: Type.Object({
            claimId: Type.String(),
            phone: Type.String({ description: '验证码发送到的号码（已脱敏）' }),
            expiresAt: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      const answer = await startClaim({
        db,
        config,
        audit: auditContext(request),
        input: request.body,
        sendCode: options.sendCode,
      });
      return reply.status(201).send(answer);
    },
  );

  app.post(
    '/auth/claim/:claimId/complete',
    {
      schema: {
        tags,
        summary: '认领窗口登记的账号（第二步）：凭短信验证码设置密码，认领后即登录',
        params: Type.Object({ claimId: Type.String({ format: 'uuid' }) }, strict),
        body: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }), password: Password }, strict),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const { me, session } = await completeClaim({
        db,
        config,
        audit: auditContext(request),
        input: { claimId: request.params.claimId, ...request.body },
        userAgent: userAgentOf(request),
      });
      setSessionCookie(app, reply, session);
      return { user: me, csrfToken: session.csrfToken };
    },
  );
}
