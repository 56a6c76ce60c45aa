import { MaterialStatistics, MaterialStatisticsQuery } from '../../common/cases/api.ts';
import type { App } from '../core/http/types.ts';
import { materialStatistics } from './material-counts.ts';

/** Public figures of the cases: 材料减免率 per matter, department and region. */
export async function caseStatisticsRoutes(app: App): Promise<void> {
  app.get(
    '/cases/material-statistics',
    {
      schema: {
        tags: ['cases'],
        summary:
          '材料减免率：办件中通过电子证照、人口库/法人库、前序办件复用而无需提交的材料占比（按事项、部门、区划）',
        querystring: MaterialStatisticsQuery,
        response: { 200: MaterialStatistics },
      },
    },
    async (request) => materialStatistics({ db: app.deps.database.db, filter: request.query }),
  );
}
