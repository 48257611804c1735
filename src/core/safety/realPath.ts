/**
 * Where a path really leads: the canonical path of its deepest existing ancestor, with the rest
 * appended. A dangling symlink on the way is followed to its target (writing through it would
 * create the target), so a link cannot hide where a new file would land.
 */
import type { PathFs } from './pathFs';
import type { PathApi } from './workspacePath';

/** More links than this on one path is a loop (Linux's own limit is 40). */
const MAX_LINKS = 40;

/** The real path of `path` (absolute, normalised), or undefined for a symlink loop. */
export async function resolveReal(api: PathApi, path: string, fs: PathFs): Promise<string | undefined> {
  let current = api.normalize(path);
  let rest: string[] = [];
  for (let links = 0; links <= MAX_LINKS; ) {
    const real = await fs.realpath(current);
    if (real !== undefined) return rest.length ? api.join(real, ...rest) : real;
    const target = await fs.readlink(current);
    if (target !== undefined) {
      links++;
      current = api.resolve(api.dirname(current), target, ...rest);
      rest = [];
      continue;
    }
    const parent = api.dirname(current);
    if (parent === current) return rest.length ? api.join(current, ...rest) : current;
    rest = [api.basename(current), ...rest];
    current = parent;
  }
  return undefined;
}
