/**
 * Whether one segment is dangerous: the built-in rules (dangerRules.ts) tried at each of its
 * words, plus what only the segmenter can see (a script from a pipe, a self-calling function,
 * an environment setting that changes what runs, a write outside the workspace).
 */
import { DANGER_RULES, DANGEROUS_ENV, GLOBAL_VALUE_OPTIONS, type DangerRule } from './dangerRules';
import type { CommandSegment } from './segment';
import { commandName } from './wrappers';
import { writeProblem, writtenPaths } from './writeTargets';

/** Where the judged command runs. */
export interface DangerContext {
  workspaceRoots: readonly string[];
  /** The directory the segment runs in; undefined after a `cd` to somewhere only known at run time. */
  cwd: string | undefined;
  /** Every segment of the line (a pipe's reader is judged by what feeds it). */
  segments: readonly CommandSegment[];
}

/** The first word after a command's own options, skipping the values of options that take one. */
function subcommandStart(name: string, args: readonly string[]): number {
  const valued = GLOBAL_VALUE_OPTIONS[name] ?? [];
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith('-')) i += valued.includes(args[i] as string) ? 2 : 1;
  return i;
}

/** `yes`, `no`, or `maybe` when an argument is only known at run time (`rm $FLAGS x` may be `-rf`). */
function flagFires(rule: DangerRule, args: readonly string[]): 'yes' | 'no' | 'maybe' {
  if (!rule.shortFlags && !rule.words && !rule.wordPrefixes) return 'yes';
  let maybe = false;
  for (const arg of args) {
    if (arg === '--') break;
    maybe ||= /^[$`]/.test(arg);
    if (rule.words?.includes(arg)) return 'yes';
    if (rule.wordPrefixes?.some((p) => arg.startsWith(p))) return 'yes';
    if (rule.shortFlags && /^-[A-Za-z]+$/.test(arg) && [...arg.slice(1)].some((c) => rule.shortFlags?.includes(c))) return 'yes';
  }
  return maybe ? 'maybe' : 'no';
}

/** Whether `rule` fires for the command starting at word `at` of `argv` (`maybe`: an argument is only known at run time). */
export function ruleFires(rule: DangerRule, argv: readonly string[], at: number): 'yes' | 'no' | 'maybe' {
  const name = commandName(argv[at] ?? '');
  if (!rule.commands.includes(name) && !rule.commandPattern?.test(name)) return 'no';
  let args = argv.slice(at + 1);
  if (rule.subcommands) {
    const start = subcommandStart(name, args);
    const sub = rule.subcommands.find((words) => words.every((w, k) => args[start + k] === w));
    if (!sub) return 'no';
    args = args.slice(start + sub.length);
  }
  return flagFires(rule, args);
}

function feedsFromDownload(segment: CommandSegment, segments: readonly CommandSegment[]): boolean {
  const id = segment.pipeline?.id;
  if (id === undefined) return false;
  return segments.some((s) => s.pipeline?.id === id && s.pipeline.index < (segment.pipeline?.index ?? 0) && s.argv.some((w) => /^(curl|wget|fetch|http|aria2c)$/.test(commandName(w))));
}

/** Why `segment` always asks, or undefined when nothing in the built-in list applies. */
export function dangerReason(segment: CommandSegment, ctx: DangerContext): string | undefined {
  if (segment.unparsed) return `cannot be checked: ${segment.unparsed}`;
  if (segment.dynamicName) return 'runs a command whose name is only known when it runs';
  if (segment.programFromInput) {
    const name = commandName(segment.argv[0] ?? '');
    if (feedsFromDownload(segment, ctx.segments)) return `runs a downloaded script (… | ${name})`;
    return `runs a program ${name} reads from its input, which cannot be checked`;
  }
  if (segment.inFunction !== undefined && segment.argv[0] === segment.inFunction) return 'defines a function that starts itself again (a fork bomb)';
  const settings = /^(export|declare|typeset|local|readonly|env)$/.test(commandName(segment.argv[0] ?? '')) ? [...segment.assignments, ...segment.argv.slice(1)] : segment.assignments;
  const env = settings.filter((a) => /^[A-Za-z_]\w*=/.test(a)).map((a) => a.slice(0, a.indexOf('='))).find((n) => DANGEROUS_ENV.test(n));
  if (env) return `sets ${env}, which changes what the command runs`;
  let maybe: string | undefined;
  for (let at = 0; at < segment.argv.length; at++) {
    for (const rule of DANGER_RULES) {
      const fires = ruleFires(rule, segment.argv, at);
      if (fires === 'yes') return rule.reason;
      if (fires === 'maybe') maybe ??= `may be one that ${rule.reason}: an argument is only known when it runs`;
    }
  }
  if (maybe) return maybe;
  for (const path of writtenPaths(segment)) {
    const problem = writeProblem(path, ctx.cwd, ctx.workspaceRoots);
    if (problem) return problem;
  }
  return undefined;
}
