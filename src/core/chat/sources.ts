/**
 * Numbered sources of an answer, from xAI's citations and the answer's own inline markers. The
 * numbers follow the model's `[[n]](url)` markers, so chip 2 is what the text calls [2]; sources
 * it only read (the response's `citations` list) come after, in the order they arrived.
 * Source URLs and titles are untrusted: only http(s) URLs are kept, titles are plain text, capped.
 */
import type { Citation } from '../api';
import type { SourceView } from '../../shared/protocol';

/** Most sources kept per answer (xAI's list of everything read can be long). */
export const MAX_SOURCES = 50;
const MAX_TITLE = 200;

/** `[[3]](https://…)` (and `[3](https://…)`), with the number and the URL. */
const MARKER = /\[\[?(\d{1,3})\]\]?\((https?:\/\/[^)\s]+)\)/g;

/** The host of an http(s) URL without `www.`, or undefined for anything else. */
export function sourceDomain(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Inline citation markers in `text`: URL → the number the text gives it (first one wins). */
export function markerNumbers(text: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const match of text.matchAll(MARKER)) {
    const url = match[2]!;
    if (!numbers.has(url)) numbers.set(url, Number(match[1]));
  }
  return numbers;
}

/** A single line of at most {@link MAX_TITLE} characters. */
function cleanTitle(title: string | undefined): string | undefined {
  const line = title?.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}

/**
 * Merges `citations` into `sources` and renumbers against the markers in `text`. A citation with a
 * position, or a URL the text marks inline, is `cited`; titles fill in when they arrive.
 */
export function mergeSources(sources: readonly SourceView[], citations: readonly Citation[], text: string): SourceView[] {
  const byUrl = new Map(sources.map((s) => [s.url, { ...s }]));
  const order = sources.map((s) => s.url);
  const markers = markerNumbers(text);
  const add = (url: string, cited: boolean, title?: string): void => {
    const domain = sourceDomain(url);
    if (!domain) return;
    const known = byUrl.get(url);
    if (known) {
      known.cited ||= cited;
      const clean = known.title ? undefined : cleanTitle(title);
      if (clean) known.title = clean;
      return;
    }
    if (byUrl.size >= MAX_SOURCES) return;
    const entry: SourceView = { n: 0, url, domain, cited };
    const clean = cleanTitle(title);
    if (clean) entry.title = clean;
    byUrl.set(url, entry);
    order.push(url);
  };
  for (const c of citations) add(c.url, c.start !== undefined, c.title);
  for (const url of markers.keys()) add(url, true);

  // Numbers: the text's own first, then the rest after the highest, in arrival order.
  const used = new Set<number>();
  const entries = order.map((url) => byUrl.get(url)!);
  for (const entry of entries) {
    const n = markers.get(entry.url);
    if (n !== undefined && !used.has(n)) {
      entry.n = n;
      entry.cited = true;
      used.add(n);
    } else {
      entry.n = 0;
    }
  }
  let next = Math.max(0, ...used) + 1;
  for (const entry of entries) if (entry.n === 0) entry.n = next++;
  return entries.sort((a, b) => a.n - b.n);
}
