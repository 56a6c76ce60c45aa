import type { FastifyRequest } from 'fastify';
import { RegionCodeParams, SettingsPutBody, SettingsView } from '../../common/region-settings/api.ts';
import { scopeOf } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { regionSettingsView, saveRegionSettings } from './manage.ts';

const tags = ['region-settings'];

/** Supervisors and administrators of some region, before the body is read; the region is checked later. */
const settingsStaff = async (request: FastifyRequest) => {
  const scope = scopeOf(requireActor(request), 'region.settings');
  if (!scope.anywhere && !scope.regionPaths.length) throw new AppError('auth.forbidden');
};

/** Per-region settings of evaluation, 12345 limits, 体验官 findings and the assessment weights. */
export async function regionSettingsRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/region-settings/:regionCode',
    {
      schema: {
        tags,
        summary: '地区的评价考核设置：生效值及其来源（默认或设置它的地区）、本地区的设置和版本',
        params: RegionCodeParams,
        response: { 200: SettingsView },
      },
      onRequest: settingsStaff,
    },
    async (request) => regionSettingsView(db(), requireActor(request), request.params.regionCode),
  );

  app.put(
    '/region-settings/:regionCode',
    {
      schema: {
        tags,
        summary: '修改地区的评价考核设置（null 恢复继承上级地区或默认值）；版本过期为 409',
        params: RegionCodeParams,
        body: SettingsPutBody,
        response: { 200: SettingsView },
      },
      onRequest: settingsStaff,
    },
    async (request) => {
      const actor = requireActor(request);
      await saveRegionSettings({
        db: db(),
        audit: auditContext(request),
        actor,
        code: request.params.regionCode,
        body: request.body,
      });
      return regionSettingsView(db(), actor, request.params.regionCode);
    },
  );
}
