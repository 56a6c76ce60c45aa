import { Type } from 'typebox';
import { attachment, fileBody, importResponses } from '../core/http/file-transfer.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { exportWorkbook, templateWorkbook } from './excel/export.ts';
import { importWorkbook } from './excel/import.ts';
import { XLSX_TYPE } from './excel/workbook.ts';

const tags = ['catalogue'];
/** Largest workbook accepted for import. */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

const ImportIssue = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  problem: Type.String(),
});

/** Excel template, export and import of implementations and their materials. */
export async function catalogueExcelRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/catalogue/import-template.xlsx',
    { schema: { tags, summary: '下载事项导入模板（Excel）' } },
    async (request, reply) => {
      authorize(request, 'workbench.use');
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('事项导入模板.xlsx', 'catalogue-import-template.xlsx'))
        .send(await templateWorkbook());
    },
  );

  app.get(
    '/catalogue/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出事项实施清单及申请材料（Excel，发布版本或最新版本）',
        querystring: Type.Object(
          {
            departmentId: Type.Optional(Type.String({ format: 'uuid' })),
            region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
            subtree: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'workbench.use');
      const file = await exportWorkbook({ db: db(), actor, filter: request.query });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('事项实施清单.xlsx', 'catalogue-export.xlsx'))
        .send(file);
    },
  );

  app.post(
    '/catalogue/import',
    {
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        tags,
        summary: '导入事项实施清单及申请材料（Excel，全部校验通过才导入，生成草稿）',
        consumes: [XLSX_TYPE],
        response: importResponses(ImportIssue),
      },
      // Refused before the body is read.
      onRequest: async (request) => {
        requireActor(request);
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = fileBody(request.body, { zh: 'Excel（.xlsx）文件', en: 'an Excel (.xlsx) file' });
      return importWorkbook({ db: db(), audit: auditContext(request), actor, file });
    },
  );
}
