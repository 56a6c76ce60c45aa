import { PrefillQuery } from '../../common/cases/api.ts';
import { findApplicant, normaliseLogin } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { prefillApplication } from './prefill.ts';

/** GET /cases/prefill: the materials of an application filled in from certificates, bases and earlier cases. */
export async function prefillRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.get(
    '/cases/prefill',
    {
      schema: {
        tags: ['cases'],
        summary:
          '申请材料自动获取（一次录入、一号匹配）：电子证照、人口库/法人库、前序已受理办件的材料；窗口人员和帮办代办员须给出申请人证件号码（查询留痕审计）',
        querystring: PrefillQuery,
      },
    },
    async (request) => {
      const q = request.query;
      const self = requireActor(request);
      if (self.kind !== 'staff') {
        const actor = authorize(request, 'case.apply', { ownerAccountId: self.accountId });
        // An applicant fills in only his own application.
        const other = q.applicantLogin && q.applicantLogin.trim().toUpperCase() !== actor.login;
        if (other || (q.applicantKind && q.applicantKind !== actor.kind))
          throw new AppError('auth.forbidden');
        return prefillApplication({
          db: db(),
          implementationId: q.implementationId,
          holder: { kind: actor.kind as 'person' | 'company', login: actor.login },
          applicantId: actor.accountId,
        });
      }
      const staff = authorize(request, 'case.apply', {});
      if (!q.applicantKind || !q.applicantLogin) {
        throw new AppError('validation.field', {
          field: 'applicantLogin',
          params: {
            problem: '须填写申请人身份证号码或统一社会信用代码',
            problemEn: "the applicant's number is required",
          },
        });
      }
      const login = normaliseLogin(q.applicantKind, q.applicantLogin, 'applicantLogin');
      const account = await findApplicant(db(), q.applicantKind, login);
      return prefillApplication({
        db: db(),
        implementationId: q.implementationId,
        holder: { kind: q.applicantKind, login },
        applicantId: account?.id ?? null,
        staff: { actor: staff, audit: auditContext(request) },
      });
    },
  );
}
