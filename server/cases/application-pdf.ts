import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { KeptSource } from '../../common/forms/api.ts';
import type { FormDefinition, FormValues } from '../../common/forms/schema.ts';
import { regionCodesOf } from '../../common/forms/texts.ts';
import { accountContact } from '../accounts/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { drawForm } from '../core/pdf/form.ts';
import { APPLICANT_DECLARATION, formHeading, signatureBlock } from '../core/pdf/form-page.ts';
import { createPdf, finish, footers } from '../core/pdf/layout.ts';
import { chinaDay, chineseDate, progressUrl } from '../notices/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { regionFullNames } from '../regions/index.ts';
import { type CaseRow, documentOf } from './rows.ts';
import { caseAttachments } from './tables.ts';

/** The 申请书: the application form a case was filed with, as a printable PDF. */

const CHANNELS: Record<string, string> = {
  online: '网上申报',
  counter: '窗口受理',
  kiosk: '自助终端',
  agent: '帮办代办',
};

/** The form a case keeps (cases.form): the values as checked and the sources of prefilled fields. */
type KeptForm = { values?: unknown; sources?: unknown };

const time = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of the files a form's file fields name, as the case's attachments call them. */
async function fileNames(db: DbOrTx, caseId: string, definition: FormDefinition, values: FormValues) {
  const hashes = JSON.stringify(values).match(/\b[0-9a-f]{64}\b/g) ?? [];
  const named = definition.sections.some((s) =>
    s.fields.some((f) => f.type === 'file' || f.columns?.some((c) => c.type === 'file')),
  );
  if (!named || hashes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ sha256: caseAttachments.fileSha256, name: caseAttachments.fileName })
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.caseId, caseId),
        isNotNull(caseAttachments.fileSha256),
        inArray(caseAttachments.fileSha256, [...new Set(hashes)]),
      ),
    );
  return new Map(rows.map((r) => [r.sha256!, r.name]));
}

/**
 * The 申请书 of a case as an A4 PDF in Chinese: the matter and case number with a QR code opening the
 * case's public progress page, the form's sections with every field the applicant filled in (a
 * prefilled one with its source in small print, a corrected one with what the source gave), tables
 * as tables, the applicant's declaration and the lines to sign and date. A case whose version has
 * no form, or that was filed without one, has no 申请书: a 404.
 */
export async function applicationPdf(options: {
  db: DbOrTx;
  row: CaseRow;
  origin: string;
}): Promise<{ pdf: Buffer; fileName: string }> {
  const { db, row } = options;
  const document = await documentOf(db, row.versionId);
  const kept = row.form as KeptForm | null;
  const definition = document.form;
  if (!definition || !kept) throw new AppError('resource.not_found', { params: { resource: '申请书' } });
  const values = isRecord(kept.values) ? kept.values : {};
  const sources = Object.fromEntries(
    Object.entries(isRecord(kept.sources) ? kept.sources : {}).filter(
      ([, source]) => isRecord(source) && typeof source.label === 'string',
    ),
  ) as Record<string, KeptSource>;
  const [applicant, department, regions, files] = await Promise.all([
    accountContact(db, row.applicantId),
    findOrganisation(db, row.departmentId),
    regionFullNames(db, regionCodesOf(definition, values)),
    fileNames(db, row.id, definition, values),
  ]);
  const title = `${document.name}申请书`;
  const submitted = row.submittedAt ?? row.createdAt;
  const doc = createPdf({
    title: `${title}（${row.caseNo}）`,
    subject: `${department?.name ?? ''} · ${document.name}`,
  });
  await formHeading(doc, {
    title,
    lines: [
      `办件编号：${row.caseNo}　　查询码：${row.queryCode}`,
      `申请人：${applicant?.displayName ?? ''}`,
      `受理部门：${department?.name ?? ''}`,
      `提交时间：${time.format(submitted)}（${CHANNELS[row.channel] ?? row.channel}）`,
    ],
    qr: { url: progressUrl(options.origin, row.caseNo, row.queryCode), caption: '扫码查询办理进度' },
  });
  drawForm(doc, {
    definition,
    mode: 'filled',
    values,
    sources,
    lookups: { regionName: (code) => regions.get(code), fileName: (sha) => files.get(sha) },
  });
  const prefilled = Object.keys(sources).length > 0;
  signatureBlock(doc, {
    declaration: APPLICANT_DECLARATION,
    note: `本申请书由申请人于${chineseDate(chinaDay(submitted))}在一网通办平台填写提交${
      prefilled ? '；注有“数据来源”的内容由平台根据电子证照和共享数据预先填写，经申请人确认' : ''
    }。`,
  });
  footers(doc, (page, pages) => `${title} · 办件编号 ${row.caseNo} · 第 ${page} 页，共 ${pages} 页`);
  return { pdf: await finish(doc), fileName: `申请书-${row.caseNo}.pdf` };
}
