/**
 * Citation positions. xAI's `url_citation` annotations carry `start_index` / `end_index` spanning the
 * inline `[[n]](url)` marker in the text, documented only as "character positions" (xai-proto:
 * `text[start_index:end_index]` extracts the link, a Python slice, so code points). The reference
 * does not settle it, and a Rust backend could as well count UTF-8 bytes, while JavaScript strings
 * count UTF-16 units. So each span is read in all three units and the one that lands on a marker
 * wins; with no marker to confirm any, code points are assumed. Everything returned is UTF-16.
 */

/** A span in UTF-16 units of the text it was found in. */
export interface Span {
  start: number;
  end: number;
}

/** The UTF-16 offset of code point number `cp`, or undefined past the end. */
export function codePointToUtf16(text: string, cp: number): number | undefined {
  let units = 0;
  let points = 0;
  while (points < cp) {
    if (units >= text.length) return undefined;
    const code = text.codePointAt(units) ?? 0;
    units += code > 0xffff ? 2 : 1;
    points++;
  }
  return units;
}

/** The UTF-16 offset of UTF-8 byte `byte`, or undefined when it is past the end or inside a character. */
export function utf8ToUtf16(text: string, byte: number): number | undefined {
  let units = 0;
  let bytes = 0;
  while (bytes < byte) {
    if (units >= text.length) return undefined;
    const code = text.codePointAt(units) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    units += code > 0xffff ? 2 : 1;
  }
  return bytes === byte ? units : undefined;
}

/** `[[12]](https://…)` or `[12](https://…)`, as xAI writes inline citations. */
const MARKER_AT = /^\[\[?\d{1,3}\]\]?\([^)\s]*\)/;

function convert(text: string, start: number, end: number, unit: 'utf16' | 'codePoint' | 'byte'): Span | undefined {
  if (unit === 'utf16') return end <= text.length ? { start, end } : undefined;
  const to = unit === 'codePoint' ? codePointToUtf16 : utf8ToUtf16;
  const s = to(text, start);
  const e = to(text, end);
  return s !== undefined && e !== undefined ? { start: s, end: e } : undefined;
}

/**
 * Where a citation sits in `text` (the output_text part it belongs to), in UTF-16 units, or undefined
 * when the indices fit no reading of the text. `url` (the annotation's) confirms a reading. A span that ends inside its marker (after `]]`, as one
 * spec wording has it) is widened to the whole `[[n]](url)`.
 */
export function citationSpan(text: string, start: number, end: number, url?: string): Span | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
  const readings = (['codePoint', 'utf16', 'byte'] as const).map((unit) => convert(text, start, end, unit)).filter((s): s is Span => s !== undefined);
  if (readings.length === 0) return undefined;
  const markerAt = (s: Span) => MARKER_AT.exec(text.slice(s.start, s.start + 2048))?.[0];
  // Two units can each land on something marker-like (one unit late, `[1]](url)` still looks like
  // one), so score each reading: a whole `[[n]](` marker, naming the cited URL, ending where it says.
  const score = (s: Span): number => {
    const marker = markerAt(s);
    if (!marker) return 0;
    let points = 1;
    if (marker.startsWith('[[') && text[s.start - 1] !== '[') points += 4;
    if (url && marker.includes(`(${url})`)) points += 2;
    if (s.end === s.start + marker.length || text.slice(s.start, s.end).endsWith(']]')) points += 1;
    return points;
  };
  let span = readings[0]!;
  let best = score(span);
  for (const reading of readings.slice(1)) {
    const points = score(reading);
    if (points > best) [span, best] = [reading, points];
  }
  const marker = markerAt(span);
  if (marker && span.end < span.start + marker.length) return { start: span.start, end: span.start + marker.length };
  return span;
}
