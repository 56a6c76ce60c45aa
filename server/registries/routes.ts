import { Type } from 'typebox';
import { attachment, fileBody, importResponses } from '../core/http/file-transfer.ts';
import { auditContext, authorize } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { writeXlsx, XLSX_TYPE } from './files.ts';
import { columnsOf, importRegistry, REGISTRY_LABELS } from './import.ts';
import { listCompanies, listPersons, registryCounts } from './service.ts';

const tags = ['registries'];
const strict = { additionalProperties: false } as const;
const Kind = Type.Enum(['persons', 'companies']);
/** Largest import file. */
export const REGISTRY_IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

const ImportIssue = Type.Object({ row: Type.Integer(), column: Type.String(), problem: Type.String() });

/** The population and legal-entity bases (人口库 / 法人库): browsing (masked), templates and import. */
export async function registryRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.addContentTypeParser(
    ['text/csv', XLSX_TYPE],
    { parseAs: 'buffer', bodyLimit: REGISTRY_IMPORT_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get('/registries', { schema: { tags, summary: '人口库、法人库的记录数' } }, async (request) => {
    authorize(request, 'registry.read');
    return registryCounts(db());
  });

  app.get(
    '/registries/:kind',
    {
      schema: {
        tags,
        summary: '浏览人口库或法人库（按名称或完整号码查找；身份证号码、电话、住址脱敏）',
        params: Type.Object({ kind: Kind }, strict),
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          strict,
        ),
      },
    },
    async (request) => {
      authorize(request, 'registry.read');
      const filter = {
        q: request.query.q,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      };
      return request.params.kind === 'persons' ? listPersons(db(), filter) : listCompanies(db(), filter);
    },
  );

  app.get(
    '/registries/:kind/template.xlsx',
    {
      schema: { tags, summary: '下载人口库或法人库的导入模板', params: Type.Object({ kind: Kind }, strict) },
    },
    async (request, reply) => {
      authorize(request, 'registry.manage');
      const kind = request.params.kind;
      const columns = columnsOf(kind);
      const file = await writeXlsx(
        REGISTRY_LABELS[kind],
        columns.map((c) => (c.required ? `${c.header}*` : c.header)),
        [],
      );
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(`${REGISTRY_LABELS[kind]}导入模板.xlsx`, `${kind}-template.xlsx`),
        )
        .send(file);
    },
  );

  app.post(
    '/registries/:kind/import',
    {
      bodyLimit: REGISTRY_IMPORT_LIMIT_BYTES,
      schema: {
        tags,
        summary: '导入人口库或法人库数据（CSV 或 Excel；全部校验通过才导入，按号码新增或更新）',
        consumes: ['text/csv', XLSX_TYPE],
        params: Type.Object({ kind: Kind }, strict),
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }, strict),
        response: importResponses(ImportIssue),
      },
      // Refused before the body is read.
      onRequest: async (request) => {
        authorize(request, 'registry.manage');
      },
    },
    async (request) => {
      authorize(request, 'registry.manage');
      return importRegistry({
        db: db(),
        audit: auditContext(request),
        kind: request.params.kind,
        content: fileBody(request.body, {
          zh: 'CSV 或 Excel（.xlsx）文件',
          en: 'a CSV or Excel (.xlsx) file',
        }),
        fileName: request.query.fileName,
      });
    },
  );
}
