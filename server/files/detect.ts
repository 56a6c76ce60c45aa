/** The file types accepted as attachments. */
export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const SIGNATURES: [MediaType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** How many first bytes decide the type. */
export const SIGNATURE_BYTES = Math.max(...SIGNATURES.map(([, signature]) => signature.length));

/** The type of a file from its first bytes (its magic number), whatever its name says; null when not accepted. */
export function detectMediaType(content: Buffer): MediaType | null {
  for (const [type, signature] of SIGNATURES) {
    if (content.length >= signature.length && signature.every((byte, i) => content[i] === byte)) return type;
  }
  return null;
}

/** The usual file name extension of a type, for downloads. */
export function extensionOf(type: string): string {
  return type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
}
