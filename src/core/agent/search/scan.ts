/**
 * The fallback of `search_text` where no ripgrep is found: the files the editor lists (its excludes
 * applied), read one at a time and scanned line by line, yielding to the event loop between files so
 * the extension host never blocks.
 */
import type { Bounded, TextMatch } from '../tools/types';

/** The matcher of a query: literal unless `isRegex`; case-insensitive unless it has capitals (rg's smart case). */
export function queryMatcher(query: string, isRegex: boolean): RegExp {
  const source = isRegex ? query : query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(source, /[A-Z]/.test(query) ? '' : 'i');
}

/** Largest file scanned (bigger ones are generated or data files). */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;

/**
 * Matches in `paths` (workspace-relative), read through `read` (undefined: skip the file), up to `max`.
 */
export async function scanForMatches(
  paths: readonly string[],
  read: (path: string) => Promise<string | undefined>,
  query: { query: string; isRegex: boolean; max: number },
  signal: AbortSignal,
): Promise<Bounded<TextMatch>> {
  const matcher = queryMatcher(query.query, query.isRegex);
  const items: TextMatch[] = [];
  for (const path of paths) {
    if (signal.aborted) throw new Error('stopped');
    const text = await read(path);
    await new Promise((resolve) => setImmediate(resolve));
    if (text === undefined || text.length > MAX_SCAN_BYTES || text.includes('\0')) continue;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!matcher.test(lines[i] as string)) continue;
      if (items.length === query.max) return { items, truncated: true };
      items.push({ path, line: i + 1, text: (lines[i] as string).slice(0, 400) });
    }
  }
  return { items, truncated: false };
}
