import { MaterialStatistics, MaterialStatisticsQuery } from '../../common/cases/api.ts';
import type { App } from '../core/http/types.ts';
import { prefillStatistics } from './form-statistics.ts';
import { materialStatistics } from './material-counts.ts';

/** Public figures of the cases: 材料减免率 and the forms' prefill rate per matter, department and region. */
export async function caseStatisticsRoutes(app: App): Promise<void> {
  app.get(
    '/cases/material-statistics',
    {
      schema: {
        tags: ['cases'],
        summary:
          '材料减免率：办件中通过电子证照、人口库/法人库、前序办件复用而无需提交的材料占比；申请表智能预填率：申请表已填栏目中由数据预填且未修改的占比（均按事项、部门、区划）',
        querystring: MaterialStatisticsQuery,
        response: { 200: MaterialStatistics },
      },
    },
    async (request) => {
      const db = app.deps.readDatabase.db;
      const [materials, prefill] = await Promise.all([
        materialStatistics({ db, filter: request.query }),
        prefillStatistics({ db, filter: request.query }),
      ]);
      return { ...materials, prefill };
    },
  );
}
