/**
 * Names that Windows (NTFS, and NTFS mounted elsewhere, e.g. WSL's /mnt/c) treats as another name:
 * trailing dots and spaces are dropped (`.git.` and `.git ` are `.git`), `name::$DATA` and
 * `name::$INDEX_ALLOCATION` are streams of `name` itself, and 8.3 short names (`GIT~1`) stand for a
 * long name. Applied on every platform: the cost elsewhere is at most one extra question.
 */

/** `BASE~N` or `BASE~N.EXT`: an 8.3 short name (hash forms such as `GI1A2B~1` included). */
const SHORT_NAME = /^([^~.]{1,6})~(\d{1,6})(?:\.([^.]{1,3}))?$/;

/**
 * The name Windows would use for one path segment: stream suffix removed, trailing dots and spaces
 * dropped. A segment of only dots (and spaces) with two or more dots counts as `..`, the cautious
 * reading. `.` and `..` are kept.
 */
export function normaliseSegment(segment: string): string {
  if (segment === '.' || segment === '..') return segment;
  const colon = segment.indexOf(':');
  const named = colon < 0 ? segment : segment.slice(0, colon);
  if (/^[. ]+$/.test(named)) return (named.match(/\./g)?.length ?? 0) >= 2 ? '..' : '.';
  return named.replace(/[. ]+$/, '');
}

/**
 * Normalises every segment of a path after its root (drive letter, UNC share or `/`), keeping `/`
 * or `\` as found so the path API that parses it afterwards sees the same structure.
 */
export function normalisePath(path: string): string {
  const root = /^(?:[A-Za-z]:[\\/]?|\\\\[^\\/]+[\\/][^\\/]+[\\/]?|[\\/]+)/.exec(path)?.[0] ?? '';
  const parts = path.slice(root.length).split(/([\\/]+)/);
  return root + parts.map((part, i) => (i % 2 === 1 || part === '' ? part : normaliseSegment(part))).join('');
}

/** The 8.3 basis of a long name: upper case, leading dots and spaces gone, split at the last dot. */
function basis(longName: string): { base: string; ext: string } {
  const name = longName.toUpperCase().replace(/^[. ]+/, '').replace(/ /g, '');
  const dot = name.lastIndexOf('.');
  const base = (dot < 0 ? name : name.slice(0, dot)).replace(/\./g, '').replace(/[+,;=[\]]/g, '_');
  return { base, ext: dot < 0 ? '' : name.slice(dot + 1, dot + 4) };
}

/**
 * Whether `segment` could be the 8.3 short name of a name matching `pattern` (a literal name, or
 * `*.ext`). `GIT~1` → `.git`, `VSCODE~1` → `.vscode`, `PACKAG~1.JSO` → `package.json`.
 */
export function couldBeShortNameOf(segment: string, pattern: string): boolean {
  const short = SHORT_NAME.exec(segment.toUpperCase());
  if (!short) return false;
  const [, base, , ext = ''] = short as unknown as [string, string, string, string | undefined];
  if (pattern.includes('*')) {
    const literalExt = /^[^.]*\*[^.]*\.([^.*]+)$/.exec(pattern)?.[1];
    return literalExt !== undefined && ext !== '' && literalExt.toUpperCase().startsWith(ext);
  }
  const long = basis(pattern);
  // Windows keeps the extension in a short name; one without it is read as matching any (cautious).
  if (ext !== '' && !long.ext.startsWith(ext)) return false;
  if (long.base.startsWith(base)) return true;
  // After four collisions Windows uses two letters and four hex digits of a hash: `GI1A2B~1`.
  return /^.{1,2}[0-9A-F]{4}$/.test(base) && long.base.startsWith(base.slice(0, base.length - 4));
}
