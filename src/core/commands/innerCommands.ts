/**
 * What a command runs in turn, found from its words: the script of `bash -c '…'`, `eval`, `sh <<EOF`
 * and `alias x='…'`, the command behind a wrapper (`env`, `timeout`, `xargs`, …), `find -exec`, and
 * strings run by `watch`, `ssh` and `trap`. Each becomes a segment of its own, judged on its own.
 */
import { makeSegment, type CommandSegment, type Redirect } from './segment';
import { isDynamicWord } from './words';
import { commandName, innerCommand, INTERPRETERS, shellScriptIndex, SHELLS, STRING_RUNNERS, WRAPPERS } from './wrappers';

/** Where the walk is: what surrounds the node, and what applies to every command under it. */
export interface Context {
  via: string[];
  depth: number;
  redirects: Redirect[];
  stdin?: { kind: 'pipe' | 'heredoc' | 'herestring'; script?: string };
  pipeline?: { id: number; index: number };
  inFunction?: string;
}

/** What the walker offers: the segments so far, and splitting a script found inside the line. */
export interface InnerHost {
  readonly out: CommandSegment[];
  script(text: string, ctx: Context, via: string): void;
}

/** A word's text and whether it is only known at run time. */
type Word = { text: string; dynamic: boolean };

/** The commands a segment runs in turn: shell scripts, `eval`, wrappers, `find -exec`, string runners. */
export function followInner(host: InnerHost, segment: CommandSegment, words: readonly Word[], ctx: Context, stdin: Context['stdin']): void {
  const name = commandName(segment.argv[0] ?? '');
  const args = segment.argv.slice(1);
  const here = { ...ctx, redirects: [], pipeline: undefined, stdin: undefined };
  const dynamicFrom = (i: number) => words.slice(i).some((w) => w.dynamic);
  if (SHELLS.has(name)) {
    const at = shellScriptIndex(args);
    if (at.script !== undefined) {
      // Only the script word matters: later words are its $0, $1, … (seen inside the script as such).
      if (words[at.script + 1]?.dynamic) return void (segment.unparsed = `${name} -c runs a script built at run time`);
      // The shell only runs its script: the script's commands are judged instead.
      segment.transparentWrapper = true;
      host.script(args[at.script] as string, here, `${name} -c`);
    } else if (at.stdin && stdin?.kind !== 'pipe' && stdin?.script !== undefined) {
      segment.transparentWrapper = true;
      host.script(stdin.script, here, `${name} <<`);
    } else if (at.stdin && stdin) segment.programFromInput = stdin.kind;
    else if (!at.stdin && args.length > 0 && dynamicFrom(1)) segment.unparsed = `${name} runs a script whose name or contents are computed at run time`;
  } else if (INTERPRETERS.has(name) && stdin && !args.some((a) => !a.startsWith('-'))) {
    segment.programFromInput = stdin.kind;
  } else if (name === 'eval' || name === 'source' || name === '.') {
    if (name === 'eval' && args.length) {
      if (dynamicFrom(1)) segment.unparsed = 'eval runs a command built at run time';
      else {
        segment.transparentWrapper = true;
        host.script(args.join(' '), here, 'eval');
      }
    } else if (args.length && dynamicFrom(1)) segment.unparsed = `${name} runs a file whose name is computed at run time`;
  } else if (name === 'find') {
    findExec(host, args, here);
  } else if (name === 'alias') {
    // An alias runs its value whenever its name is typed later in the line.
    for (const arg of args.filter((a) => a.includes('='))) host.script(arg.slice(arg.indexOf('=') + 1), here, 'alias');
  } else if (STRING_RUNNERS[name]) {
    stringRunner(host, segment, name, args, words, here);
  } else if (name === 'env' && args.some((a) => /^(-S|--split-string)/.test(a))) {
    segment.unparsed = 'env -S splits a string into a command';
  } else if (WRAPPERS[name]) {
    const spec = WRAPPERS[name];
    const inner = innerCommand(spec, args);
    if (!inner) return;
    const first = segment.argv.length - inner.length;
    segment.transparentWrapper = spec.transparent;
    const innerWords = words.slice(first);
    const assignments = spec.assignments ? args.slice(0, args.length - inner.length).filter((a) => /^[A-Za-z_]\w*=/.test(a)) : [];
    const seg = makeSegment({ argv: inner, text: inner.join(' '), assignments, via: [...ctx.via, name], dynamicName: innerWords[0]?.dynamic ?? false, pipedInput: segment.pipedInput, redirects: segment.redirects });
    host.out.push(seg);
    if (!seg.dynamicName) followInner(host, seg, innerWords, { ...ctx, via: seg.via }, stdin);
  }
}

/** `watch 'cmd'`, `ssh host cmd…`, `trap 'cmd' EXIT`: the string is a command line of its own. */
function stringRunner(host: InnerHost, segment: CommandSegment, name: string, args: readonly string[], words: readonly Word[], ctx: Context): void {
  const spec = STRING_RUNNERS[name];
  if (!spec) return;
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith('-') && args[i] !== '--') i += spec.valueOptions.includes(args[i] as string) ? 2 : 1;
  if (args[i] === '--') i++;
  i += spec.skip;
  const rest = spec.first ? args.slice(i, i + 1) : args.slice(i);
  if (rest.length === 0) return;
  if (words.slice(i + 1, i + 1 + rest.length).some((w) => w.dynamic)) return void (segment.unparsed = `${name} runs a command built at run time`);
  segment.transparentWrapper = name !== 'ssh';
  host.script(rest.join(' '), ctx, name);
}

/** `find … -exec CMD {} ;` runs CMD once per file. */
function findExec(host: InnerHost, args: readonly string[], ctx: Context): void {
  for (let i = 0; i < args.length; i++) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(args[i] as string)) continue;
    const end = args.findIndex((a, j) => j > i && (a === ';' || a === '+'));
    const inner = args.slice(i + 1, end < 0 ? undefined : end);
    if (inner.length) {
      const seg = makeSegment({ argv: inner, text: inner.join(' '), via: [...ctx.via, `find ${args[i]}`], dynamicName: isDynamicWord(inner[0] as string) });
      host.out.push(seg);
      if (!seg.dynamicName) followInner(host, seg, inner.map((text) => ({ text, dynamic: isDynamicWord(text) })), { ...ctx, via: seg.via }, undefined);
    }
    if (end < 0) break;
    i = end;
  }
}
