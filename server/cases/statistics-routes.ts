import { Type } from 'typebox';
import { IsoDate } from '../core/http/dates.ts';
import type { App } from '../core/http/types.ts';
import { materialStatistics } from './material-counts.ts';

const strict = { additionalProperties: false } as const;
const Figures = {
  cases: Type.Integer(),
  casesWithReuse: Type.Integer(),
  reused: Type.Integer(),
  uploaded: Type.Integer(),
  reductionRate: Type.Number(),
};

/** Public figures of the cases: 材料减免率 per matter, department and region. */
export async function caseStatisticsRoutes(app: App): Promise<void> {
  app.get(
    '/cases/material-statistics',
    {
      schema: {
        tags: ['cases'],
        summary:
          '材料减免率：办件中通过电子证照、人口库/法人库、前序办件复用而无需提交的材料占比（按事项、部门、区划）',
        querystring: Type.Object(
          {
            region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
            subtree: Type.Optional(Type.Boolean()),
            departmentId: Type.Optional(Type.String({ format: 'uuid' })),
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            ...Figures,
            bySource: Type.Object({
              e_certificate: Type.Integer(),
              shared_case: Type.Integer(),
              registry: Type.Integer(),
            }),
            byMatter: Type.Array(
              Type.Object({ implementationId: Type.String(), matterName: Type.String(), ...Figures }),
            ),
            byDepartment: Type.Array(
              Type.Object({ departmentId: Type.String(), departmentName: Type.String(), ...Figures }),
            ),
            byRegion: Type.Array(
              Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Figures }),
            ),
          }),
        },
      },
    },
    async (request) => materialStatistics({ db: app.deps.database.db, filter: request.query }),
  );
}
