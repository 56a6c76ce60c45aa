import fc from 'fast-check';

/**
 * Hostile values for the fuzzing of the HTTP API: strings with NUL characters, lone surrogates,
 * bidirectional overrides, SQL and path fragments; numbers at and beyond every limit; arbitrary
 * and deeply nested JSON.
 */

/** Characters PostgreSQL cannot store in text: NUL, lone surrogates (not valid Unicode). */
const UNSTORABLE = ['\u0000', '\ud800', '\udfff', '\udc00\ud800'];

/** Characters that break naive code: BOM, overrides, separators, quotes, astral planes. */
const NASTY_CHARACTERS = [
  '\ufeff',
  '\u202e',
  '\u2028',
  '\uffff',
  '\u0085',
  '\r\n',
  '\t',
  '\\',
  '"',
  "'",
  '%',
  '_',
  '/',
  '<',
  '&',
  '😀',
  '𠮷',
  '政',
  'é',
];

/** One character; storable: none that PostgreSQL refuses (so that the request gets past the edge). */
const characterOf = (storable: boolean) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_CHARACTERS) },
    { weight: storable ? 0 : 1, arbitrary: fc.constantFrom(...UNSTORABLE) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: 1, max: 0x10ffff })
        .map((cp) =>
          cp >= 0xd800 && cp <= 0xdfff
            ? storable
              ? '\ufffd'
              : String.fromCharCode(cp)
            : String.fromCodePoint(cp),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 })
        .map((c) => (storable && c === '\u0000' ? ' ' : c)),
    },
  );
const anyCharacter = characterOf(false);
const storableCharacter = characterOf(true);

const FRAGMENTS = [
  "'; DROP TABLE accounts; --",
  '../../../../etc/passwd',
  '%00',
  '$' + '{7*7}',
  '{{constructor}}',
  '__proto__',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e400',
  'true',
  '0x10',
  ' ',
  '',
  '11010519491231002X',
  '91350100M000100Y43',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
];

/**
 * A hostile string of at most `maxLength` characters (UTF-16 units may be more); storable: without
 * NUL characters and lone surrogates, which the edge refuses before any handler runs.
 */
export function hostileString(maxLength = 64, storable = false): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: storable ? storableCharacter : anyCharacter, maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: storable ? 0 : 1, arbitrary: fc.constantFrom(...UNSTORABLE).map((c) => `a${c}b`) },
  );
}

/** A string a person might type: Chinese, other scripts, emoji, now and then an odd but storable one. */
export function plainString(maxLength = 64): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    {
      weight: 3,
      arbitrary: fc.string({
        unit: fc.constantFrom('政', '务', '服', '𠮷', '😀', 'a', '1', ' ', '-'),
        maxLength,
      }),
    },
    { weight: 1, arbitrary: hostileString(maxLength, true) },
  );
}

/** A long string (up to ~200 000 characters), just past a limit or far beyond. */
export const longString = fc
  .tuple(
    fc.constantFrom(1_001, 10_001, 65_537, 200_000),
    fc.constantFrom('a', '政', '\ud800', '😀', '\u0000'),
  )
  .map(([n, c]) => c.repeat(n));

export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53 + 1,
    -(2 ** 53) - 1,
    2 ** 63,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Arbitrary JSON of every shape, with hostile strings and numbers among the leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString(),
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileString(16), fc.constantFrom('__proto__', 'constructor')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** Arrays or objects nested `depth` deep. */
export function nested(depth: number, kind: 'array' | 'object' | 'mixed'): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) {
    const asArray = kind === 'array' || (kind === 'mixed' && i % 2 === 0);
    value = asArray ? [value] : { a: value };
  }
  return value;
}

export const deepJson = fc
  .tuple(fc.constantFrom(64, 100, 128), fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array'>)
  .map(([depth, kind]) => nested(depth, kind));

/** JSON texts JSON.stringify cannot produce: numbers out of range, escapes of lone surrogates, syntax errors. */
export const rawJsonText = fc.constantFrom(
  '',
  ' ',
  'null',
  '"text"',
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  '{"version":1e400}',
  '{"version":-1e400,"limit":1e400}',
  '{"a":"\\ud800"}',
  '{"a":"\\udc00\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '[]',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  `${'['.repeat(500)}${']'.repeat(500)}`,
  `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`,
);

/** Bytes as a client might send them: random, or a real file type's magic number followed by junk. */
export const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc
    .tuple(
      fc.constantFrom(
        '%PDF-1.4\n',
        '\x89PNG\r\n\x1a\n',
        '\xff\xd8\xff\xe0',
        'PK\x03\x04',
        'PK\x05\x06',
        '\xef\xbb\xbf',
        '\xff\xfe',
      ),
      fc.uint8Array({ maxLength: 1024 }),
    )
    .map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(rest)])),
  fc.constant(Buffer.alloc(0)),
);

/** CSV text with hostile cells (quotes, separators, formulas, NUL), in UTF-8 or as GBK-like bytes. */
export const hostileCsv = fc
  .tuple(
    fc.array(
      fc.array(fc.oneof(hostileString(24), fc.constantFrom('"', '""', "=cmd|' /C calc'!A0", ',', '\n')), {
        maxLength: 8,
      }),
      { maxLength: 12 },
    ),
    fc.boolean(),
  )
  .map(([rows, latin]) => {
    const text = rows.map((r) => r.join(',')).join('\r\n');
    return latin ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
  });

/** A query string of the given parameters (null ones left out), every byte percent-encoded, hostile ones too. */
export const percentQuery = (params: Record<string, string | null>): string =>
  Object.entries(params)
    .filter(([, v]) => v !== null)
    .map(
      ([k, v]) => `${k}=${[...Buffer.from(v!)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`,
    )
    .join('&');
