/**
 * The `@` file picker's globs for `workspace.findFiles`, pure so they are unit-tested. findFiles
 * applies `files.exclude` by itself but not `search.exclude` (that needs the proposed findFiles2), so
 * the exclude glob is built from both settings, as the Explorer and Go to File would hide them.
 */

/** The include glob for what the user typed after `@` (glob characters are dropped, not interpreted). */
export function fileSearchPattern(query: string): string {
  const q = query.trim().replace(/[{}[\]*?]/g, '');
  return q ? `**/*${q}*` : '**/*';
}

/** `a/{b,c}/d` → `a/b/d`, `a/c/d`: the globs are joined into one `{…}`, and globs do not nest braces. */
function expandBraces(glob: string): string[] {
  const m = /\{([^{}]*)\}/.exec(glob);
  if (!m) return [glob];
  const [before, after] = [glob.slice(0, m.index), glob.slice(m.index + m[0].length)];
  return (m[1] ?? '').split(',').flatMap((choice) => expandBraces(`${before}${choice}${after}`));
}

/**
 * One exclude glob from settings shaped like `files.exclude` / `search.exclude` (glob → true, false or
 * a `{ when }` sibling clause). Only `true` entries count: a sibling clause cannot be said in a glob
 * (findFiles still applies `files.exclude`'s own clauses). A folder glob also excludes what is inside
 * it. Undefined when nothing is excluded (findFiles then applies `files.exclude` alone).
 */
export function excludeGlob(...settings: (Record<string, unknown> | undefined)[]): string | undefined {
  const globs = new Set<string>();
  for (const setting of settings) {
    for (const [glob, on] of Object.entries(setting ?? {})) {
      if (on !== true || !glob.trim()) continue;
      for (const one of expandBraces(glob.trim().replace(/\/+$/, ''))) {
        globs.add(one);
        if (!one.endsWith('/**')) globs.add(`${one}/**`);
      }
    }
  }
  return globs.size ? `{${[...globs].join(',')}}` : undefined;
}
