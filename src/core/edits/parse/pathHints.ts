/**
 * Where models write the file a block belongs to: in the fence info (```ts path=src/a.ts,
 * ```src/a.ts, ```ts:src/a.ts), on a line of its own before the block (**`src/a.ts`**,
 * "File: src/a.ts", "### src/a.ts"), or as a first-line comment (// file: src/a.ts). A line only
 * counts as a path when it is nothing but a path: a sentence mentioning a file is not a heading.
 */

/** A plausible relative or absolute file path: no spaces, has a directory or an extension. */
export function looksLikePath(candidate: string): boolean {
  const p = candidate.trim();
  if (p.length === 0 || p.length > 300 || /\s/.test(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return false;
  if (!/^[\w.@~+\-/\\:[\]()$#%,=]+$/u.test(p) || /[.:,]$/.test(p) || /^\d+(\.\d+)*$/.test(p)) return false;
  return /[\\/]/.test(p) || /\.[A-Za-z0-9_-]{1,12}$/.test(p) || /^(Makefile|Dockerfile|Gemfile|Rakefile|Procfile|LICENSE|README)$/.test(p);
}

/** Strips markdown decoration and labels from a line that may name a path; undefined if it does not. */
export function pathFromLine(line: string): string | undefined {
  let t = line.trim();
  t = t.replace(/^#{1,6}\s+/, '').replace(/^(?:[-*+]|\d+[.)])\s+/, '');
  t = t.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1').trim();
  t = t.replace(/^(?:(?:new |updated |modified |edit(?:ed)? )?(?:file|path|filename|filepath)|in)\s*:?\s+/i, '');
  t = t.replace(/:$/, '').trim();
  t = t.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1').trim();
  t = t.replace(/^`([^`]+)`$/, '$1').trim();
  t = t.replace(/:$/, '');
  return looksLikePath(t) ? t : undefined;
}

const INFO_ATTRIBUTE = /(?:^|\s)(?:path|file|filename|filepath|title)\s*=\s*(?:"([^"]+)"|'([^']+)'|(\S+))/i;

/** The path named in a fence info string, if any. */
export function pathFromInfo(info: string): string | undefined {
  const attr = INFO_ATTRIBUTE.exec(info);
  if (attr) {
    const value = attr[1] ?? attr[2] ?? attr[3] ?? '';
    return looksLikePath(value) ? value : undefined;
  }
  const colon = /^[\w+#-]+:(\S+)$/.exec(info);
  if (colon && looksLikePath(colon[1])) return colon[1];
  const words = info.split(/\s+/).filter((w) => w !== '');
  // "```src/a.ts" or "```ts src/a.ts": a path-like word that is not just a language name.
  const last = words[words.length - 1];
  if (words.length <= 2 && last && (last.includes('/') || last.includes('.')) && looksLikePath(last)) return last;
  return undefined;
}

const FIRST_LINE_PATH = /^\s*(?:\/\/|#|--|;|\/\*|<!--)\s*(?:file(?:path|name)?|path)\s*:\s*(\S+?)\s*(?:\*\/|-->)?\s*$/i;

/** A path declared by the first line of a block (`// file: src/a.ts`), and the body without it. */
export function pathFromFirstLine(body: string): { path: string; rest: string } | undefined {
  const newline = body.indexOf('\n');
  const first = newline < 0 ? body : body.slice(0, newline);
  const m = FIRST_LINE_PATH.exec(first);
  if (!m || !looksLikePath(m[1])) return undefined;
  return { path: m[1], rest: newline < 0 ? '' : body.slice(newline + 1) };
}

/** The path named on the nearest non-blank line above line `index` (at most one blank line between). */
export function pathAbove(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1, blanks = 0; i >= 0 && blanks <= 1; i--) {
    if (lines[i].trim() === '') {
      blanks++;
      continue;
    }
    return pathFromLine(lines[i]);
  }
  return undefined;
}
