import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** A PDF (its bytes, or the path of a file) as text by poppler, whitespace removed. */
export function pdfText(pdf: Buffer | string): string {
  const text =
    typeof pdf === 'string'
      ? execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
      : execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' });
  return text.replace(/\s+/g, '');
}

export type Raster = { width: number; height: number; pixels: Buffer };

/**
 * The first page rendered by poppler at `dpi`: grey-scale (one byte a pixel) or, with `colour`,
 * RGB (three bytes a pixel).
 */
export function renderPage(pdf: Buffer, options: { dpi?: number; colour?: boolean } = {}): Raster {
  const { dpi = 50, colour = false } = options;
  const image = execFileSync(
    'pdftoppm',
    [...(colour ? [] : ['-gray']), '-r', String(dpi), '-singlefile', '-'],
    {
      input: pdf,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const header = new RegExp(`^${colour ? 'P6' : 'P5'}\\s+(\\d+)\\s+(\\d+)\\s+255\\s`).exec(
    image.subarray(0, 40).toString('latin1'),
  );
  if (!header) throw new Error('poppler did not write the expected image');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: image.subarray(whole.length) };
}

/** The pixels (RGB) of the 300 px wide images pdfkit embedded in a PDF (QR codes). */
export function qrImages(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const images: Buffer[] = [];
  for (const match of text.matchAll(/\/Subtype \/Image[\s\S]*?stream\n/g)) {
    const header = match[0];
    if (!/\/Width 300\b/.test(header) || !/\/ColorSpace \/DeviceRGB/.test(header)) continue;
    const start = match.index + header.length;
    images.push(inflateSync(pdf.subarray(start, text.indexOf('\nendstream', start))));
  }
  return images;
}

/** Whether RGB pixels of a 300 px image show the QR code of `text` (dark modules dark, light light). */
export function showsQrCode(pixels: Buffer, text: string): boolean {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 300 / (modules.size + 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const y = Math.floor(scale + (row + 0.5) * scale);
      const x = Math.floor(scale + (col + 0.5) * scale);
      if (pixels[(y * 300 + x) * 3]! < 128 !== Boolean(modules.get(row, col))) return false;
    }
  }
  return true;
}

/** Whether one of the PDF's QR images shows the QR code of `text`. */
export function pdfShowsQrCode(pdf: Buffer, text: string): boolean {
  return qrImages(pdf).some((pixels) => showsQrCode(pixels, text));
}

/** Writes the first page of the PDF file beside it as a PNG (name.pdf → name.png), to look at. */
export function savePagePng(pdfPath: string, dpi = 80): void {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-singlefile',
    pdfPath,
    pdfPath.replace(/\.pdf$/, ''),
  ]);
}
