import { StationsAnswer, StationsQuery } from '../../common/stations/api.ts';
import type { App } from '../core/http/types.ts';
import { listStations } from './service.ts';

/** GET /api/stations: 身边的政务服务站, public. */
export async function stationRoutes(app: App): Promise<void> {
  app.get(
    '/stations',
    {
      schema: {
        tags: ['halls'],
        summary: '身边的政务服务站：按区划、位置或住址查找服务中心、街道便民服务中心和社区便民服务站',
        querystring: StationsQuery,
        response: { 200: StationsAnswer },
      },
    },
    async (request) => listStations({ db: app.deps.database.db, ...request.query }),
  );
}
