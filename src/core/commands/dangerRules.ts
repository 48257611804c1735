/**
 * Commands that always ask, even with commands on `auto`, as data. A rule names commands (matched
 * by base name, so `/usr/bin/rm` and `\rm` count) and what in their arguments makes them
 * dangerous. The judge tries each rule at every word of a segment, so a command run through a
 * wrapper it does not know (`watch rm -rf x`, `flock f rm -rf x`) is still caught.
 */

/** One dangerous pattern. Without `shortFlags`, `words` or `wordPrefixes` it fires on any use. */
export interface DangerRule {
  id: string;
  /** Why it asks, for the approval card: completes "This command …". */
  reason: string;
  /** Command names (base names). */
  commands: readonly string[];
  /** Commands whose name matches this too (`mkfs.ext4`). */
  commandPattern?: RegExp;
  /** It fires only for these subcommands (word sequences after the command's own options). */
  subcommands?: readonly (readonly string[])[];
  /** Option letters, any of which in a short cluster (`-rf`, `-fdx`) fires. */
  shortFlags?: string;
  /** Words, any of which fires (`--recursive`, `-delete`). */
  words?: readonly string[];
  /** Word beginnings, any of which fires (`--force-with-lease=…`, `+main`). */
  wordPrefixes?: readonly string[];
}

/** Options that take a value before the subcommand, so `git -C dir push` finds `push`. */
export const GLOBAL_VALUE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  git: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--exec-path'],
  npm: ['--prefix', '-w', '--workspace', '-C'],
  yarn: ['--cwd'],
  pnpm: ['-C', '--dir', '--filter', '-F'],
  cargo: ['-C', '--config', '-Z', '--manifest-path'],
  systemctl: ['-H', '--host', '-M', '--machine'],
};

const RECURSIVE = { shortFlags: 'rR', words: ['--recursive'] } as const;

/** The built-in dangerous patterns. */
export const DANGER_RULES: readonly DangerRule[] = [
  { id: 'recursive-delete', reason: 'deletes recursively', commands: ['rm'], ...RECURSIVE },
  { id: 'recursive-delete', reason: 'deletes recursively', commands: ['rimraf', 'del-cli', 'trash', 'shred', 'srm', 'wipe'] },
  { id: 'recursive-delete', reason: 'deletes every file it finds', commands: ['find'], words: ['-delete'] },
  { id: 'git-reset-hard', reason: 'discards uncommitted changes (git reset --hard)', commands: ['git'], subcommands: [['reset']], words: ['--hard', '--merge', '--keep'] },
  { id: 'git-clean', reason: 'deletes untracked files (git clean -f)', commands: ['git'], subcommands: [['clean']], shortFlags: 'f', words: ['--force'] },
  { id: 'git-push-force', reason: 'rewrites or deletes history on the remote (git push --force)', commands: ['git'], subcommands: [['push']], shortFlags: 'fd', words: ['--force', '--delete', '--mirror', '--prune'], wordPrefixes: ['--force-with-lease', '--force-if-includes', '+', ':'] },
  { id: 'git-config', reason: 'changes git configuration, which can make git run other programs', commands: ['git'], subcommands: [['config']] },
  { id: 'git-config', reason: 'sets git configuration for this run (git -c), which can make git run other programs', commands: ['git'], words: ['-c', '--config-env'], wordPrefixes: ['--config-env='] },
  { id: 'privilege', reason: 'runs as another user (sudo)', commands: ['sudo', 'su', 'doas', 'pkexec', 'runas', 'run0'] },
  { id: 'publish', reason: 'publishes a package', commands: ['npm', 'pnpm', 'bun'], subcommands: [['publish'], ['unpublish'], ['deprecate'], ['dist-tag']] },
  { id: 'publish', reason: 'publishes a package', commands: ['yarn'], subcommands: [['publish'], ['npm', 'publish']] },
  { id: 'publish', reason: 'publishes a package', commands: ['cargo'], subcommands: [['publish'], ['yank'], ['owner']] },
  { id: 'publish', reason: 'publishes a package', commands: ['twine'], subcommands: [['upload']] },
  { id: 'publish', reason: 'publishes a package', commands: ['gem'], subcommands: [['push'], ['yank']] },
  { id: 'publish', reason: 'publishes a package', commands: ['poetry', 'vsce', 'ovsx', 'flit', 'hatch'], subcommands: [['publish']] },
  { id: 'publish', reason: 'publishes a package', commands: ['dotnet'], subcommands: [['nuget', 'push']] },
  { id: 'global-install', reason: 'installs packages globally, outside the workspace', commands: ['npm', 'pnpm', 'bun'], subcommands: [['install'], ['i'], ['add'], ['update'], ['uninstall'], ['link']], words: ['-g', '--global', '--location=global'] },
  { id: 'global-install', reason: 'installs packages globally, outside the workspace', commands: ['yarn'], subcommands: [['global']] },
  { id: 'recursive-permissions', reason: 'changes permissions or owners recursively', commands: ['chmod', 'chown', 'chgrp'], shortFlags: 'R', words: ['--recursive'] },
  { id: 'disk', reason: 'writes raw data to files or disks (dd)', commands: ['dd'] },
  { id: 'disk', reason: 'formats or repartitions a disk', commands: ['mkfs', 'fdisk', 'sfdisk', 'parted', 'wipefs', 'mkswap'], commandPattern: /^mkfs\.\w+$/ },
  { id: 'power', reason: 'shuts down or restarts the machine', commands: ['shutdown', 'reboot', 'halt', 'poweroff'] },
  { id: 'power', reason: 'shuts down or restarts the machine', commands: ['systemctl'], subcommands: [['poweroff'], ['reboot'], ['halt'], ['kexec'], ['suspend'], ['hibernate']] },
];

/**
 * Environment variables that change what a command runs or loads: setting one in front of an
 * allowed command (`NODE_OPTIONS=--require=./x npm test`) is not the allowed command any more.
 */
export const DANGEROUS_ENV = /^(PATH|LD_\w+|DYLD_\w+|NODE_OPTIONS|NODE_PATH|BASH_ENV|ENV|PROMPT_COMMAND|IFS|PYTHONPATH|PYTHONSTARTUP|PERL5OPT|PERL5LIB|RUBYOPT|GIT_\w+|npm_config_\w+|NPM_CONFIG_\w+)$/;

/** Writes into these (relative to a workspace folder) change what git runs. */
export const GIT_CONTROL = /(^|\/)\.git\/(hooks(\/|$)|config$)/i;

/**
 * Commands that write, move or delete the files they are given: a path argument outside the
 * workspace asks. `last` checks only the destination (the last path; sources are only read);
 * `in-place` checks every path only when the command edits in place (`sed -i`).
 */
export const FILE_WRITERS: Readonly<Record<string, 'all' | 'last' | 'in-place'>> = {
  rm: 'all', rmdir: 'all', unlink: 'all', mv: 'all', touch: 'all', mkdir: 'all', tee: 'all', truncate: 'all',
  chmod: 'all', chown: 'all', chgrp: 'all', cp: 'last', ln: 'last', install: 'last', rsync: 'last', scp: 'last',
  sed: 'in-place', perl: 'in-place',
};

/** Options that name where a command writes (`tar -C DIR`, `curl -o FILE`): checked like redirections. */
export const DESTINATION_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  tar: ['-C', '--directory'],
  unzip: ['-d'],
  curl: ['-o', '--output'],
  wget: ['-O', '--output-document', '-P', '--directory-prefix'],
  cp: ['-t', '--target-directory'],
  mv: ['-t', '--target-directory'],
  install: ['-t', '--target-directory'],
  git: ['--git-dir', '--work-tree'],
};

/** Commands judged harmless on their own (no approval needed even in `ask` mode) unless they write a file. */
export const HARMLESS: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd', 'pwd', 'true', 'false', ':', 'echo', 'printf', 'test', '[']);

/** Paths outside the workspace that writing to is harmless. */
export const HARMLESS_TARGETS = /^\/dev\/(null|stdout|stderr|tty|fd\/\d+)$/;
