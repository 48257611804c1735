/**
 * Decides whether a command line may run without asking. Every segment is judged on its own:
 * the built-in dangerous patterns always ask; in `ask` mode each remaining segment must start
 * with an allowed prefix (a setting or an "Allow for this task" grant) word for word, so
 * `npm test` allows `npm test -- --grep x` but never `npm testx` or `npm test && rm -rf /`.
 * An allowed prefix covers the command's redirections too (`npm test > out.txt`); a write outside
 * the workspace or into `.git/hooks` is on the dangerous list and asks anyway.
 */
import { apiFor } from '../safety/workspacePath';
import { dangerReason } from './dangerMatch';
import { HARMLESS } from './dangerRules';
import type { CommandSegment } from './segment';
import { splitCommandLine } from './segments';
import type { ShellParser } from './shellParser';
import { commandName, INTERPRETERS, SHELLS } from './wrappers';
import { isDynamicWord } from './words';
import { writtenPaths } from './writeTargets';

/** What the judge needs to know. */
export interface JudgeOptions {
  /** `ask`: only allowed prefixes run without asking; `auto`: everything but the dangerous list. */
  mode: 'ask' | 'auto';
  /** Prefixes from the `grok.agent.allowedCommands` setting, e.g. `npm test`, `git status`. */
  allowPrefixes: readonly string[];
  /** Prefixes the user allowed for the current task. */
  taskGrants: readonly string[];
  /** The workspace folders (absolute); writes outside them ask. */
  workspaceRoots: readonly string[];
  /** Where the command starts (absolute, inside a workspace folder). */
  cwd: string;
  /**
   * The shell that will run it. The dangerous list knows POSIX shells only, so for another shell
   * (PowerShell, cmd) `auto` behaves as `ask`: only allowed prefixes run without asking.
   */
  shell?: 'posix' | 'other';
}

/** The verdict on one command line. */
export interface Judgement {
  decision: 'allow' | 'ask';
  /** The segment that made it ask (the first dangerous one, else the first not allowed). */
  segment?: CommandSegment;
  /** One line for the approval card: which segment asks and why (or why it may run). */
  reason: string;
  /** The question comes from the built-in dangerous list: a grant would not silence it. */
  dangerous: boolean;
  /**
   * Prefixes for "Allow for this task": the unallowed segments' commands and subcommands, never a
   * shell or interpreter (`node`, `python`, `bash`), whose prefix would cover any program.
   */
  grants: string[];
  /** All segments of the line, for the card. */
  segments: CommandSegment[];
}

/** Whether `argv` starts with the words of `prefix`. */
export function matchesPrefix(argv: readonly string[], prefix: string): boolean {
  const words = prefix.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= argv.length && words.every((w, i) => argv[i] === w);
}

/**
 * The prefix to offer for "Allow for this task": the command and its subcommand (`npm test`,
 * `git status`, `npm run build`), or the command alone when its second word is an option or path.
 */
export function suggestGrant(segment: CommandSegment): string {
  const [name = '', ...rest] = segment.argv;
  const plain = (w: string | undefined) => w !== undefined && /^[A-Za-z][\w:.@-]*$/.test(w);
  if (!plain(rest[0])) return name;
  if (/^(run|run-script|exec|x|dlx)$/.test(rest[0] as string) && plain(rest[1])) return `${name} ${rest[0]} ${rest[1]}`;
  return `${name} ${rest[0]}`;
}

function describe(segment: CommandSegment, total: number): string {
  const text = segment.text.length > 80 ? `${segment.text.slice(0, 77)}…` : segment.text;
  const where = segment.via.length ? ` (inside ${segment.via.join(' › ')})` : total > 1 ? ' (one part of the line)' : '';
  return `\`${text}\`${where}`;
}

/** The directory after a top-level `cd`/`pushd`, or undefined when it is only known at run time. */
function nextCwd(segment: CommandSegment, cwd: string | undefined, roots: readonly string[]): string | undefined {
  if (segment.via.length || !/^(cd|pushd)$/.test(segment.argv[0] ?? '')) return cwd;
  const target = segment.argv.slice(1).find((a) => !a.startsWith('-'));
  if (target === undefined || isDynamicWord(target) || cwd === undefined) return undefined;
  return apiFor(roots[0] ?? cwd).resolve(cwd, target);
}

/**
 * A shell or interpreter (`node -e …`, `python x.py`, `bash script.sh`): no prefix of it says what
 * it will do, so "Allow for this task" is not offered for it (each run asks).
 */
function runsAnyProgram(segment: CommandSegment): boolean {
  const name = commandName(segment.argv[0] ?? '').replace(/[\d.]+$/, '');
  return SHELLS.has(name) || INTERPRETERS.has(name) || INTERPRETERS.has(commandName(segment.argv[0] ?? ''));
}

function isHarmless(segment: CommandSegment): boolean {
  return HARMLESS.has(commandName(segment.argv[0] ?? '')) && segment.argv[0] === commandName(segment.argv[0] ?? '') && writtenPaths(segment).every((p) => /^\/dev\/null$/.test(p));
}

/** Judges `line`: see the module comment. */
export function judgeCommand(line: string, options: JudgeOptions, parser: ShellParser): Judgement {
  const segments = splitCommandLine(line, parser);
  if (segments.length === 0) return { decision: 'ask', reason: 'There is no command to run.', dangerous: false, grants: [], segments };
  const prefixes = [...options.allowPrefixes, ...options.taskGrants];
  const auto = options.mode === 'auto' && options.shell !== 'other';
  let cwd: string | undefined = options.cwd;
  let unallowed: CommandSegment | undefined;
  const grants = new Set<string>();
  for (const segment of segments) {
    const danger = dangerReason(segment, { workspaceRoots: options.workspaceRoots, cwd, segments });
    if (danger) return { decision: 'ask', segment, reason: `${describe(segment, segments.length)} ${danger}.`, dangerous: true, grants: [], segments };
    cwd = nextCwd(segment, cwd, options.workspaceRoots);
    if (auto || segment.transparentWrapper || isHarmless(segment)) continue;
    // A bare `> file` has no words for a prefix to match: it asks, and cannot be granted.
    if (segment.argv.length === 0 && writtenPaths(segment).length === 0) continue;
    if (prefixes.some((p) => matchesPrefix(segment.argv, p))) continue;
    unallowed ??= segment;
    if (segment.argv.length && !runsAnyProgram(segment)) grants.add(suggestGrant(segment));
  }
  if (unallowed) {
    const note = options.mode === 'auto' && !auto ? ' (commands on auto still ask in a shell other than sh/bash/zsh)' : '';
    return { decision: 'ask', segment: unallowed, reason: `${describe(unallowed, segments.length)} is not in your allowed commands${note}.`, dangerous: false, grants: [...grants], segments };
  }
  const why = auto ? 'Commands run without asking (grok.agent.commands is auto) and nothing in it is on the dangerous list.' : 'Every part of it is allowed.';
  return { decision: 'allow', reason: why, dangerous: false, grants: [], segments };
}
