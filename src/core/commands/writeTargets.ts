/**
 * Where a command writes: redirection targets and the paths given to commands that write, move or
 * delete files, resolved against the directory the command runs in. Strings only (symlinks are
 * not followed: the judge must answer at once, and a symlinked target still names a path the user
 * can see on the card).
 */
import { apiFor, findRoot } from '../safety/workspacePath';
import { DESTINATION_OPTIONS, FILE_WRITERS, GIT_CONTROL, HARMLESS_TARGETS } from './dangerRules';
import type { CommandSegment } from './segment';
import { isDynamicWord } from './words';
import { commandName } from './wrappers';

/**
 * Why writing `target` needs a question, or undefined when it lands plainly inside the workspace.
 * @param cwd the directory the command runs in; undefined once a `cd` went somewhere unknown
 */
export function writeProblem(target: string, cwd: string | undefined, roots: readonly string[]): string | undefined {
  if (HARMLESS_TARGETS.test(target)) return undefined;
  if (isDynamicWord(target)) return `writes to ${target}, a path only known when it runs`;
  const api = apiFor(roots[0] ?? '/');
  if (!api.isAbsolute(target) && cwd === undefined) return `writes to ${target} after changing to a directory only known when it runs`;
  const absolute = api.resolve(cwd ?? '/', target);
  const inside = findRoot(roots, absolute);
  if (!inside) return `writes outside the workspace (${absolute})`;
  if (GIT_CONTROL.test(inside.relativePath)) return `writes to ${inside.relativePath}, which changes what git runs`;
  return undefined;
}

/** The paths a segment writes: its writing redirections, and file arguments of commands like `rm` or `cp`. */
export function writtenPaths(segment: CommandSegment): string[] {
  const name = commandName(segment.argv[0] ?? '');
  const args = segment.argv.slice(1);
  const paths = [...segment.redirects.filter((r) => r.writes).map((r) => r.target), ...optionValues(args, DESTINATION_OPTIONS[name] ?? [])];
  const mode = FILE_WRITERS[name];
  if (!mode) return paths;
  const dashDash = args.indexOf('--');
  const operands = args.filter((a, i) => (dashDash >= 0 && i > dashDash) || !a.startsWith('-'));
  if (mode === 'in-place' && !args.some((a, i) => (dashDash < 0 || i < dashDash) && /^(-i|--in-place)/.test(a))) return paths;
  if (mode === 'last') {
    // `cp -t DIR src…` names its destination with -t.
    const named = args.some((a) => /^(-t|--target-directory)/.test(a));
    const dest = named ? undefined : operands[operands.length - 1];
    return dest === undefined ? paths : [...paths, dest];
  }
  return [...paths, ...operands];
}

/** Values of the given options: `-C dir`, `-Cdir` (short), `--directory=dir` (long). */
function optionValues(args: readonly string[], options: readonly string[]): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    for (const option of options) {
      // `-o FILE`, and a cluster ending in it: `-sSo FILE`.
      const clustered = !option.startsWith('--') && option.length === 2 && new RegExp(`^-[A-Za-z]*${option[1]}$`).test(arg);
      if ((arg === option || clustered) && args[i + 1] !== undefined) values.push(args[i + 1] as string);
      else if (option.startsWith('--') && arg.startsWith(`${option}=`)) values.push(arg.slice(option.length + 1));
      else if (!option.startsWith('--') && arg.startsWith(option) && arg.length > option.length && !arg.startsWith('--')) values.push(arg.slice(option.length));
    }
  });
  return values;
}
