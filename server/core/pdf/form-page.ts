import QRCode from 'qrcode';
import { COLOURS, contentWidth, ensureSpace, MARGIN, type Pdf } from './layout.ts';

/* What a printed form has around its fields: the heading with its QR code, the declaration and
 * signature lines, and the 样表 watermark. */

/** The heading of a printed form: the title, lines about it, and a QR code at the top right. */
export async function formHeading(
  doc: Pdf,
  options: { title: string; subtitle?: string; lines: string[]; qr: { url: string; caption: string } },
): Promise<void> {
  const size = 86;
  const qr = await QRCode.toBuffer(options.qr.url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 300,
  });
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const textWidth = width - size - 16;
  const qrX = left + width - size;
  doc.image(qr, qrX, MARGIN, { width: size, height: size });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(options.qr.caption, qrX - 10, MARGIN + size + 2, { width: size + 20, align: 'center' });
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(COLOURS.text)
    .text(options.title, left, MARGIN + 4, { width: textWidth });
  if (options.subtitle)
    doc
      .moveDown(0.1)
      .font('bold')
      .fontSize(11)
      .fillColor(COLOURS.accent)
      .text(options.subtitle, { width: textWidth });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(9.5).fillColor(COLOURS.text);
  for (const line of options.lines) doc.text(line, { width: textWidth, lineGap: 1 });
  doc.x = left;
  doc.y = Math.max(doc.y, MARGIN + size + 14) + 6;
  doc
    .lineWidth(1.2)
    .strokeColor(COLOURS.accent)
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.moveDown(0.2);
}

/** What an applicant declares under a 申请书. */
export const APPLICANT_DECLARATION =
  '申请人承诺：本申请书所填写的内容和提交的材料真实、合法、有效，复印件与原件一致。如有虚假，申请人愿承担相应的法律责任。';

/** The applicant's declaration and the lines to sign and date. */
export function signatureBlock(doc: Pdf, options: { declaration: string; note?: string }): void {
  ensureSpace(doc, 120);
  doc.moveDown(1);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(COLOURS.text)
    .text(options.declaration, left, doc.y, { width, indent: 20, lineGap: 3 });
  doc.moveDown(1.6);
  const y = doc.y;
  doc.text('申请人（签字或盖章）：', left, y, { lineBreak: false });
  doc.text('日期：　　　　年　　月　　日', left + width * 0.6, y, { lineBreak: false });
  doc
    .lineWidth(0.6)
    .strokeColor(COLOURS.text)
    .moveTo(left + 112, y + 13)
    .lineTo(left + width * 0.55, y + 13)
    .stroke();
  doc.x = left;
  doc.y = y + 22;
  if (options.note) {
    doc.moveDown(0.4);
    doc.font('regular').fontSize(8).fillColor(COLOURS.muted).text(options.note, left, doc.y, { width });
  }
  doc.fillColor(COLOURS.text);
}

/** A large pale word across every page (样表), drawn under nothing and over everything: call before footers. */
export function watermark(doc: Pdf, word: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const [cx, cy] = [doc.page.width / 2, doc.page.height / 2];
    const margins = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.rotate(-35, { origin: [cx, cy] });
    doc.fillOpacity(0.13).fillColor('#c8161d').font('bold').fontSize(150);
    const w = doc.widthOfString(word, { characterSpacing: 30 });
    doc.text(word, cx - w / 2, cy - 95, { lineBreak: false, characterSpacing: 30 });
    doc.restore();
    doc.page.margins.bottom = margins;
  }
  doc.fillOpacity(1).fillColor(COLOURS.text);
}
