import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/** Drawing helpers for A4 documents in Chinese with pdfkit (which embeds subsets of CJK fonts). */

export type Pdf = PDFKit.PDFDocument;

const FONT_DIR = fileURLToPath(new URL('../fonts/', import.meta.resolve('@embedpdf/fonts-sc')));

/** A parsed font; pdfkit takes it in place of a file and embeds the subset each document uses. */
type Font = Parameters<PDFKit.PDFDocument['registerFont']>[1];

let fonts: { regular: Font; bold: Font } | null = null;

const parse = (file: string) => fontkit.create(readFileSync(`${FONT_DIR}${file}`)) as unknown as Font;

/**
 * Noto Sans SC (OFL), parsed once per process: parsing the 8 MB CFF fonts again for every
 * document would cost more than drawing it.
 */
function fontFiles(): { regular: Font; bold: Font } {
  fonts ??= { regular: parse('NotoSansHans-Regular.otf'), bold: parse('NotoSansHans-Bold.otf') };
  return fonts;
}

export const COLOURS = {
  text: '#1f1f1f',
  muted: '#666666',
  rule: '#c8c8c8',
  band: '#eef3fb',
  accent: '#1d4f91',
};
export const MARGIN = 50;
const FOOTER_SPACE = 30;

export function createPdf(info: { title: string; subject: string; landscape?: boolean }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject, Creator: 'Yiwang 一网', Producer: 'Yiwang 一网' },
    lang: 'zh-CN',
  });
  const files = fontFiles();
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);
  doc.font('regular').fillColor(COLOURS.text);
  return doc;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` is left on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A numbered section heading on a tinted band. */
export function section(doc: Pdf, title: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  const y = doc.y;
  const x = doc.page.margins.left;
  doc.rect(x, y, contentWidth(doc), 22).fill(COLOURS.band);
  doc.rect(x, y, 4, 22).fill(COLOURS.accent);
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(COLOURS.accent)
    .text(title, x + 12, y + 4, { lineBreak: false });
  doc.font('regular').fontSize(10).fillColor(COLOURS.text);
  doc.x = x;
  doc.y = y + 30;
}

/** A paragraph of body text. */
export function paragraph(doc: Pdf, text: string, options: { muted?: boolean } = {}): void {
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(options.muted ? COLOURS.muted : COLOURS.text)
    .text(text || '无', doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 3 });
  doc.fillColor(COLOURS.text);
}

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };

const PAD = 4;

function rowHeight(doc: Pdf, cells: string[], columns: Column[], font: string): number {
  doc.font(font).fontSize(9);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell || '—', { width: columns[i]!.width - 2 * PAD }),
  );
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(doc: Pdf, cells: string[], columns: Column[], options: { header?: boolean }): void {
  const font = options.header ? 'bold' : 'regular';
  const height = rowHeight(doc, cells, columns, font);
  const y = doc.y;
  let x = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  if (options.header) doc.rect(x, y, width, height).fill(COLOURS.band);
  doc.lineWidth(0.5).strokeColor(COLOURS.rule);
  for (const [i, column] of columns.entries()) {
    doc.rect(x, y, column.width, height).stroke();
    doc
      .font(font)
      .fontSize(9)
      .fillColor(COLOURS.text)
      .text(cells[i] || '—', x + PAD, y + PAD, {
        width: column.width - 2 * PAD,
        align: column.align ?? 'left',
      });
    x += column.width;
  }
  doc.x = doc.page.margins.left;
  doc.y = y + height;
}

/** A ruled table whose header is repeated on every page it runs over. Widths are fractions of the line. */
export function table(doc: Pdf, columns: Column[], rows: string[][]): void {
  const total = contentWidth(doc);
  const scaled = columns.map((c) => ({ ...c, width: c.width * total }));
  const headers = scaled.map((c) => c.header);
  ensureSpace(
    doc,
    rowHeight(doc, headers, scaled, 'bold') + (rows[0] ? rowHeight(doc, rows[0], scaled, 'regular') : 0),
  );
  drawRow(doc, headers, scaled, { header: true });
  for (const row of rows) {
    if (doc.y + rowHeight(doc, row, scaled, 'regular') > bottom(doc)) {
      doc.addPage();
      drawRow(doc, headers, scaled, { header: true });
    }
    drawRow(doc, row, scaled, {});
  }
  doc.moveDown(0.3);
}

/** Label–value pairs in two columns of a ruled table. */
export function facts(doc: Pdf, pairs: [label: string, value: string][]): void {
  const columns: Column[] = [
    { header: '', width: 0.2 },
    { header: '', width: 0.3 },
    { header: '', width: 0.2 },
    { header: '', width: 0.3 },
  ];
  const total = contentWidth(doc);
  const scaled = columns.map((c) => ({ ...c, width: c.width * total }));
  const wide = pairs.filter(([, v]) => v.length > 18);
  const short = pairs.filter(([, v]) => v.length <= 18);
  for (let i = 0; i < short.length; i += 2) {
    const [a, b] = [short[i]!, short[i + 1]];
    const row = [a[0], a[1], b?.[0] ?? '', b?.[1] ?? ''];
    ensureSpace(doc, rowHeight(doc, row, scaled, 'regular'));
    drawRow(doc, row, scaled, {});
  }
  const wideColumns = [scaled[0]!, { ...scaled[1]!, width: total - scaled[0]!.width }];
  for (const [label, value] of wide) {
    ensureSpace(doc, rowHeight(doc, [label, value], wideColumns, 'regular'));
    drawRow(doc, [label, value], wideColumns, {});
  }
}

/** Writes a footer line on every buffered page (call once, at the end). */
export function footers(doc: Pdf, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 6;
    const x = doc.page.margins.left;
    doc
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .moveTo(x, y)
      .lineTo(x + contentWidth(doc), y)
      .stroke();
    const margins = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(text(i - range.start + 1, range.count), x, y + 6, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margins;
  }
}

/** The finished document as bytes. */
export function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
