/**
 * Where to go after signing in, from `?next=`: only a path on this site ('/apply/…'), never
 * another site ('//evil.example', '/\evil.example', 'https://…') or something that is not a path.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next?.startsWith('/')) return null;
  if (next.startsWith('//') || next.startsWith('/\\')) return null;
  // Control characters (tabs, newlines) are dropped by URL parsers and could turn it into '//'.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  return next;
}
