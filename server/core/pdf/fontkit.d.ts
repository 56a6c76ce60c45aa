/** The part of fontkit (a dependency of pdfkit, without type declarations) that the PDF guides use. */
declare module 'fontkit' {
  /** Parses a font file; pdfkit accepts the result wherever it accepts a font file. */
  export function create(buffer: Uint8Array): unknown;
}
