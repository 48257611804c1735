/**
 * Commands that run another command or a script given to them: shells with `-c`, `eval`, and
 * wrappers such as `env`, `timeout` or `xargs`. The segmenter uses this data to find the command
 * that really runs, so `timeout 5 rm -rf x` is judged as `rm -rf x` too.
 */

/** Shells whose `-c` script (or standard input) is parsed as a command line of its own. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'busybox-sh']);

/** Interpreters that run a program read from standard input when given no file. */
export const INTERPRETERS: ReadonlySet<string> = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php', 'lua', 'fish', 'pwsh', 'deno', 'bun', 'osascript']);

/** How to skip a wrapper's own options to reach the command it runs. */
export interface WrapperSpec {
  /** Options that take the next word as their value. */
  valueOptions: readonly string[];
  /** Fixed arguments before the command (timeout's duration). */
  positionals?: number;
  /** Options after which nothing is run (`command -v` only prints). */
  runsNothing?: readonly string[];
  /** `NAME=value` words before the command are settings, not the command (env). */
  assignments?: boolean;
  /** Whether the wrapper itself needs approval too (find runs its own search as well). */
  transparent: boolean;
}

/** Wrappers whose inner command is judged as a command of its own. */
export const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], assignments: true, transparent: true },
  command: { valueOptions: [], runsNothing: ['-v', '-V'], transparent: true },
  builtin: { valueOptions: [], transparent: true },
  exec: { valueOptions: ['-a'], transparent: true },
  nohup: { valueOptions: [], transparent: true },
  time: { valueOptions: ['-f', '--format', '-o', '--output'], transparent: true },
  nice: { valueOptions: ['-n', '--adjustment'], transparent: true },
  ionice: { valueOptions: ['-c', '--class', '-n', '--classdata'], transparent: true },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], positionals: 1, transparent: true },
  stdbuf: { valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'], transparent: true },
  xargs: { valueOptions: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '--max-lines', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars'], transparent: true },
  sudo: { valueOptions: ['-u', '--user', '-g', '--group', '-C', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user'], transparent: false },
  doas: { valueOptions: ['-u', '-C'], transparent: false },
};

/**
 * Commands that run a string as a shell command: `watch 'make'`, `ssh host 'rm -rf /'` (on the
 * other machine, still judged), `trap 'cmd' EXIT`. `skip` counts the words before the string
 * (ssh's host); `first` takes only the first word as the script (trap), else the rest is joined.
 */
export const STRING_RUNNERS: Readonly<Record<string, { valueOptions: readonly string[]; skip: number; first?: boolean }>> = {
  watch: { valueOptions: ['-n', '--interval', '-q', '--equexit'], skip: 0 },
  ssh: { valueOptions: ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w'], skip: 1 },
  trap: { valueOptions: [], skip: 0, first: true },
};

/** The command a wrapper runs, or undefined when it runs none (or its form is not understood). */
export function innerCommand(spec: WrapperSpec, args: readonly string[]): string[] | undefined {
  let i = 0;
  while (i < args.length) {
    const word = args[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (spec.runsNothing?.includes(word)) return undefined;
    if (word.startsWith('-') && word.length > 1) {
      i += spec.valueOptions.includes(word) ? 2 : 1;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      i++;
      continue;
    }
    break;
  }
  i += spec.positionals ?? 0;
  return i < args.length ? args.slice(i) : undefined;
}

/** The name a command is known by: `/usr/bin/rm` and `\rm` are `rm`. */
export function commandName(word: string): string {
  return (word.split('/').pop() ?? word).replace(/^\\/, '');
}

/** Where `bash -c SCRIPT` keeps its script: the first non-option word after a `-c` flag. */
export function shellScriptIndex(args: readonly string[]): { script?: number; stdin: boolean } {
  let sawC = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--') return sawC ? { script: i + 1 < args.length ? i + 1 : undefined, stdin: false } : { stdin: i + 1 >= args.length };
    if (/^[-+]o$/.test(word)) {
      i++;
      continue;
    }
    if (/^-[A-Za-z]+$/.test(word)) {
      sawC ||= word.includes('c');
      if (word.includes('s') && !sawC) return { stdin: true };
      continue;
    }
    if (word.startsWith('--') || /^\+[A-Za-z]+$/.test(word)) continue;
    return sawC ? { script: i, stdin: false } : { stdin: false };
  }
  return { stdin: !sawC };
}

/**
 * Whether a shell (a path such as VS Code's `env.shell`, or `$SHELL`) reads POSIX command lines,
 * as the judge assumes: sh, bash, zsh, dash, ksh (Git Bash and WSL's too). fish, PowerShell and
 * cmd do not.
 */
export function shellKind(shellPath: string): 'posix' | 'other' {
  const name = commandName(shellPath.replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  return /^(sh|bash|zsh|dash|ksh|mksh|ash)$/.test(name) ? 'posix' : 'other';
}
