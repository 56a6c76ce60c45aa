import QRCode from 'qrcode';
import {
  COLOURS,
  contentWidth,
  createPdf,
  ensureSpace,
  facts,
  finish,
  footers,
  type Pdf,
  table,
} from '../core/pdf/layout.ts';
import { type Block, chinaDay, chineseDate, noticeContent } from './texts.ts';
import type { CaseView, NoticeKind } from './types.ts';

const OFFICIAL_RED = '#c8161d';
const BODY_SIZE = 11.5;
const QR_SIZE = 84;

/** The public progress page of a case, which the notice's QR code opens. */
export function progressUrl(origin: string, caseNo: string, queryCode: string): string {
  const base = origin.replace(/\/+$/, '');
  return `${base}/progress?caseNo=${encodeURIComponent(caseNo)}&code=${encodeURIComponent(queryCode)}`;
}

/** Issuing organisation in red, the title, the document number, and a red rule under them. */
function heading(doc: Pdf, issuer: string, title: string, number: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(17).fillColor(OFFICIAL_RED).text(issuer, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(24)
    .fillColor(COLOURS.text)
    .text(title, { width, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(11).fillColor(COLOURS.text).text(number, { width, align: 'center' });
  doc.moveDown(0.5);
  doc
    .lineWidth(1.5)
    .strokeColor(OFFICIAL_RED)
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.moveDown(1.2);
}

/** A body paragraph, first line indented by two characters as in official documents. */
function bodyText(doc: Pdf, text: string): void {
  ensureSpace(doc, 40);
  doc
    .font('regular')
    .fontSize(BODY_SIZE)
    .fillColor(COLOURS.text)
    .text(text, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      indent: BODY_SIZE * 2,
      lineGap: 6,
      align: 'left',
    });
  doc.moveDown(0.6);
}

/**
 * Lines `label：text` indented by two characters; a text too long for one line wraps beside its
 * label (under it when the label itself takes more than a third of the line).
 */
function drawLines(doc: Pdf, lines: [label: string, text: string][]): void {
  const left = doc.page.margins.left + BODY_SIZE * 2;
  const width = contentWidth(doc) - BODY_SIZE * 2;
  for (const [label, text] of lines) {
    ensureSpace(doc, 24);
    const y = doc.y;
    doc.font('bold').fontSize(BODY_SIZE).fillColor(COLOURS.text);
    const labelText = `${label}：`;
    const labelWidth = doc.widthOfString(labelText);
    const hanging = labelWidth <= width / 3;
    if (hanging) {
      doc.text(labelText, left, y, { lineBreak: false });
      doc.font('regular').text(text, left + labelWidth, y, { width: width - labelWidth, lineGap: 4 });
    } else {
      doc.text(labelText, left, y, { width, lineGap: 4, continued: true });
      doc.font('regular').text(text);
    }
    doc.moveDown(0.25);
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(0.5);
}

function drawBlock(doc: Pdf, block: Block): void {
  switch (block.type) {
    case 'paragraph':
      bodyText(doc, block.text);
      return;
    case 'lines':
      drawLines(doc, block.lines);
      return;
    case 'facts':
      facts(doc, block.pairs);
      doc.moveDown(0.8);
      return;
    case 'table':
      table(
        doc,
        block.headers.map((header, i) => ({
          header,
          width: block.widths[i]!,
          align: header === '序号' ? 'center' : 'left',
        })),
        block.rows,
      );
      doc.moveDown(0.6);
      return;
  }
}

/**
 * The closing block: on the left a QR code opening the case's progress page with the case
 * number and query code beside it; on the right the issuing organisation and the date.
 */
async function closing(doc: Pdf, view: CaseView, issuedOn: string, url: string): Promise<void> {
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  ensureSpace(doc, QR_SIZE + 40);
  doc.moveDown(1);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;
  const signatureLeft = left + width * 0.58;
  const signatureWidth = width * 0.42;
  doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOURS.text);
  doc.text(view.issuerName, signatureLeft, top + 14, { width: signatureWidth, align: 'right' });
  doc.moveDown(0.4);
  doc.text(chineseDate(issuedOn), signatureLeft, doc.y, { width: signatureWidth, align: 'right' });

  doc.image(qr, left, top, { width: QR_SIZE, height: QR_SIZE });
  const textLeft = left + QR_SIZE + 8;
  const textWidth = signatureLeft - textLeft - 16;
  doc
    .font('bold')
    .fontSize(9.5)
    .fillColor(COLOURS.accent)
    .text('扫码查询办理进度', textLeft, top + 4, { width: textWidth });
  doc.moveDown(0.25);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.text)
    .text(`办件编号：${view.caseNo}`, { width: textWidth })
    .text(`查询码：${view.queryCode}`, { width: textWidth });
  doc.moveDown(0.25);
  doc
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text('也可在一网通办平台“办件查询”中输入办件编号和查询码查看。', { width: textWidth, lineGap: 1 });
  doc.fillColor(COLOURS.text);
  doc.x = left;
  doc.y = top + QR_SIZE + 8;
}

/**
 * A notice of a case as an A4 PDF in Chinese: issuing organisation, title, document
 * number with the case number, the applicant addressed, the text the kind calls for,
 * the issuer and date, and a QR code opening the case's public progress page.
 */
export async function renderNotice(options: {
  kind: NoticeKind;
  caseView: CaseView;
  origin: string;
}): Promise<Buffer> {
  const { kind, caseView: view } = options;
  const content = noticeContent(kind, view);
  const issuedOn = view.issuedOn ?? chinaDay(new Date());
  const doc = createPdf({
    title: `${content.title}（${view.caseNo}）`,
    subject: `${view.issuerName} · ${view.matterName}`,
  });
  heading(
    doc,
    view.issuerName,
    content.title,
    `${content.numberWord}〔${issuedOn.slice(0, 4)}〕第 ${view.caseNo} 号`,
  );
  doc
    .font('bold')
    .fontSize(BODY_SIZE + 0.5)
    .fillColor(COLOURS.text)
    .text(`${view.applicantName}：`, doc.page.margins.left, doc.y);
  doc.moveDown(0.5);
  for (const block of content.blocks) drawBlock(doc, block);
  await closing(doc, view, issuedOn, progressUrl(options.origin, view.caseNo, view.queryCode));
  footers(doc, (page, pages) => `${content.title} · 办件编号 ${view.caseNo} · 第 ${page} 页，共 ${pages} 页`);
  return finish(doc);
}
