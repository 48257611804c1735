/**
 * `list_files` and `search_text` over ripgrep (the copy VS Code ships, see {@link ripgrepCandidates}):
 * ignores honoured by rg itself (.gitignore, .ignore, with or without git) plus the editor's exclude
 * globs; output streamed and rg killed once there are enough results. The extension and the bench
 * run this same code.
 */
import { posix, win32 } from 'node:path';
import picomatch from 'picomatch';
import type { Bounded, TextMatch } from '../tools/types';
import type { Spawn } from './spawn';

/** Where rg runs and what it leaves out. */
export interface RipgrepSearch {
  rgPath: string;
  /** Absolute paths of the workspace folders (several: results are prefixed with the folder's name). */
  roots: readonly string[];
  /** Globs to leave out (files.exclude and search.exclude entries that are on), e.g. `**\/node_modules`. */
  excludes: readonly string[];
  spawn: Spawn;
}

/** Longest line rg prints whole; longer ones are cut (minified files). */
const MAX_COLUMNS = 400;

/** Where VS Code keeps its ripgrep under `appRoot` (desktop builds, asar-unpacked builds, code-server). */
export function ripgrepCandidates(appRoot: string, platform: string = process.platform, arch: string = process.arch): string[] {
  const exe = platform === 'win32' ? 'rg.exe' : 'rg';
  const join = platform === 'win32' ? win32.join : posix.join;
  return [
    join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', exe),
    join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin', exe),
    join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', `${platform}-${arch}`, exe),
    join(appRoot, 'node_modules', 'vscode-ripgrep', 'bin', exe),
    join(appRoot, 'node_modules.asar.unpacked', 'vscode-ripgrep', 'bin', exe),
  ];
}

function commonArgs(config: RipgrepSearch): string[] {
  // --hidden with excludes instead of rg's dot-file rule: VS Code's search shows dot files too.
  const args = ['--hidden', '--no-require-git', '--no-config', '--no-messages'];
  for (const pattern of config.excludes) args.push('-g', `!${pattern}`);
  return args;
}

/**
 * The model's glob and folder, applied by us rather than rg: an include glob (`-g`) or a path
 * given to rg overrides .gitignore, so ignored files would come back. rg walks the folder with its
 * ignores and we keep what matches; a glob without `/` matches the file name anywhere, as in rg.
 */
function pathFilter(glob: string | undefined, folder = ''): (path: string) => boolean {
  const clean = glob?.replace(/^\.\//, '');
  const isMatch = clean ? picomatch(clean, { dot: true, basename: !clean.includes('/') }) : () => true;
  return folder ? (path) => path.startsWith(`${folder}/`) && isMatch(path) : isMatch;
}

/** The folder's name for results of a multi-root workspace. */
function prefixFor(config: RipgrepSearch, root: string): string {
  if (config.roots.length < 2) return '';
  return `${(root.includes('\\') ? win32 : posix).basename(root)}/`;
}

/** Runs rg in each folder (in turn) and keeps up to `max` parsed lines; true when more were left. */
async function collect<T>(config: RipgrepSearch, argsFor: (root: string) => string[] | undefined, parse: (line: string, prefix: string, root: string) => T | undefined, max: number, signal: AbortSignal): Promise<Bounded<T>> {
  const items: T[] = [];
  for (const root of config.roots) {
    const args = argsFor(root);
    if (!args) continue;
    const prefix = prefixFor(config, root);
    const proc = config.spawn(config.rgPath, args, { cwd: root, signal });
    for await (const line of proc.lines) {
      const item = parse(line, prefix, root);
      if (item === undefined) continue;
      if (items.length === max) {
        proc.kill();
        await proc.done;
        return { items, truncated: true };
      }
      items.push(item);
    }
    const { code, stderr } = await proc.done;
    // 0: found, 1: nothing found, 2: some files unreadable (results still good); else rg failed.
    if (signal.aborted) throw new Error('stopped');
    if (code !== 0 && code !== 1 && code !== 2) throw new Error(`ripgrep failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
  }
  return { items, truncated: false };
}

/** Workspace-relative files (with `/`), honouring the ignores, under `base` (absolute) if given. */
export function rgListFiles(config: RipgrepSearch, query: { base?: string; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<string>> {
  const filters = new Map<string, (path: string) => boolean>();
  return collect(
    config,
    (root) => {
      const api = root.includes('\\') ? win32 : posix;
      const rel = query.base ? api.relative(root, query.base) : '';
      if (rel.startsWith('..') || api.isAbsolute(rel)) return undefined;
      filters.set(root, pathFilter(query.glob, rel.replace(/\\/g, '/')));
      return ['--files', ...commonArgs(config)];
    },
    (line, prefix, root) => {
      const path = line.replace(/\\/g, '/').replace(/^\.\//, '');
      return path && filters.get(root)?.(path) ? prefix + path : undefined;
    },
    query.max,
    signal,
  );
}

/** Matching lines as path:line: text (smart case; literal unless `isRegex`). */
export function rgSearchText(config: RipgrepSearch, query: { query: string; isRegex: boolean; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<TextMatch>> {
  const args = ['--line-number', '--with-filename', '--no-heading', '--null', '--color', 'never', '--smart-case', `--max-columns=${MAX_COLUMNS}`, '--max-columns-preview'];
  if (!query.isRegex) args.push('--fixed-strings');
  args.push(...commonArgs(config), '-e', query.query);
  const matches = pathFilter(query.glob);
  return collect(
    config,
    () => args,
    (line, prefix) => {
      const match = parseMatch(line);
      return match && matches(match.path) ? { ...match, path: prefix + match.path } : undefined;
    },
    query.max,
    signal,
  );
}

/** `path\0line:text` (rg --null) → a match (path relative to the folder). */
function parseMatch(line: string): TextMatch | undefined {
  const nul = line.indexOf('\0');
  if (nul < 0) return undefined;
  const rest = line.slice(nul + 1);
  const colon = rest.indexOf(':');
  const n = Number(rest.slice(0, colon));
  if (colon < 0 || !Number.isInteger(n)) return undefined;
  return { path: line.slice(0, nul).replace(/\\/g, '/').replace(/^\.\//, ''), line: n, text: rest.slice(colon + 1) };
}
