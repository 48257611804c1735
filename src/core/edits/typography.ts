/**
 * Typographic drift: HTML entities (`&lt;` for `<`), curly quotes, en and em dashes, Unicode
 * spaces and the ellipsis character. Models write them where files have the plain characters and
 * the other way round (answers pass through HTML escaping or "smart" punctuation on the way). The
 * matcher compares lines through {@link normalizeTypography}; the merge then keeps the file's
 * characters on what the edit does not change (see rebase.ts).
 *
 * Text is handled as *units*: an entity (`&amp;`, `&#39;`, `&#x2014;`) or one code point, each
 * with its plain value. Only entities models actually write are decoded: a name outside this list
 * (`&x;` in C is an address and a semicolon) stays literal.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  times: '\u00d7',
  middot: '\u00b7',
  bull: '\u2022',
  deg: '\u00b0',
};

/** An entity, or one code point (surrogate pairs stay together). */
const UNIT = /&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});|[\s\S]/gu;

/** Plain ASCII stand-ins for typographic characters. */
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u200b': '',
  '\u2060': '',
};

/** Unicode spaces other than the ASCII ones: NBSP, the en/em/thin spaces, ideographic space. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

/** Characters that make a text worth normalizing at all (a cheap pre-check). */
export const TYPOGRAPHIC = /&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});|[\u00a0\u1680\u2000-\u200b\u2010-\u2015\u2018-\u201f\u2026\u202f\u2032\u2033\u02bc\u205f\u2060\u2212\u3000]/u;

/** One unit of text: its raw form and its plain value. */
export interface Unit {
  raw: string;
  plain: string;
}

/** Decodes one entity, or returns undefined when it is not one models write. */
function decodeEntity(raw: string): string | undefined {
  if (raw[1] === '#') {
    const code = raw[2] === 'x' || raw[2] === 'X' ? parseInt(raw.slice(3, -1), 16) : parseInt(raw.slice(2, -1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  return NAMED[raw.slice(1, -1)];
}

/** The plain value of one character (after entity decoding). */
function plainChar(ch: string): string {
  if (UNICODE_SPACE.test(ch)) return ' ';
  return PLAIN[ch] ?? ch;
}

/** Splits text into units; entities not in the list are split into their characters. */
export function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const m of text.matchAll(UNIT)) {
    const raw = m[0];
    if (raw.length > 1 && raw[0] === '&') {
      const decoded = decodeEntity(raw);
      if (decoded !== undefined) {
        units.push({ raw, plain: plainChar(decoded) });
        continue;
      }
      for (const ch of raw) units.push({ raw: ch, plain: ch });
      continue;
    }
    units.push({ raw, plain: plainChar(raw) });
  }
  return units;
}

/** Whether a unit is an entity (as opposed to a character written as itself). */
export function isEntity(unit: Unit): boolean {
  return unit.raw.length > 1 && unit.raw[0] === '&';
}

/**
 * The plain form of a text: entities decoded, typographic quotes, dashes, spaces and ellipses
 * replaced by their ASCII stand-ins, and runs of hyphens shortened to one (`--` is how an em
 * dash is typed).
 */
export function normalizeTypography(text: string): string {
  if (!TYPOGRAPHIC.test(text) && !text.includes('--')) return text;
  return toUnits(text)
    .map((u) => u.plain)
    .join('')
    .replace(/-{2,}/g, '-');
}
