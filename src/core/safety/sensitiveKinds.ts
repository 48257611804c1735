/**
 * Files that can run code or change what the editor does, as data. A proposal touching one never
 * applies from an edit card's Apply: the diff opens, and Accept asks first, naming the file and the
 * reason below. The README lists the same table (a unit test keeps them in step).
 *
 * Patterns are globs over the workspace-relative path with `/` separators, compared without case
 * (and with Windows short names, see windowsNames.ts): `**` is any number of folders, `*` any part
 * of one name. The first kind that matches wins, so specific entries come before general ones.
 */

/** One kind of sensitive file. */
export interface SensitiveKind {
  /** Stable id (logs, tests). */
  id: string;
  /** Globs over the workspace-relative path. */
  patterns: readonly string[];
  /** Why it matters, for the user: one short clause, shown after the file's name. */
  reason: string;
}

/** `.git` itself and everything in it: its own verdict (`inside-git`), checked before the list. */
export const GIT_PATTERNS: readonly string[] = ['**/.git', '**/.git/**'];

/** Why writing into `.git` matters. */
export const GIT_REASON = 'git runs the hooks and follows the config kept here';

export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
  { id: 'vscode-tasks', patterns: ['**/.vscode/tasks.json'], reason: 'VS Code tasks can run commands, some as soon as the folder opens' },
  { id: 'vscode-launch', patterns: ['**/.vscode/launch.json'], reason: 'debug configurations start programs and their pre-launch tasks' },
  { id: 'vscode-settings', patterns: ['**/.vscode/settings.json'], reason: 'workspace settings choose the interpreters, formatters and terminals extensions run' },
  { id: 'vscode-extensions', patterns: ['**/.vscode/extensions.json'], reason: 'it recommends extensions for you to install' },
  { id: 'vscode-folder', patterns: ['**/.vscode/**'], reason: 'VS Code and its extensions read their configuration from this folder' },
  { id: 'code-workspace', patterns: ['**/*.code-workspace'], reason: 'a workspace file holds settings, tasks and launch configurations' },
  { id: 'devcontainer', patterns: ['**/.devcontainer/**', '**/.devcontainer.json'], reason: 'its commands run when the folder is reopened in a container' },
  { id: 'github-workflows', patterns: ['**/.github/workflows/**', '**/.github/actions/**'], reason: 'GitHub Actions runs it, with the repository’s secrets' },
  {
    id: 'ci-config',
    patterns: [
      '**/.gitlab-ci.yml',
      '**/.gitlab/**',
      '**/.circleci/**',
      '**/azure-pipelines.yml',
      '**/.azure-pipelines/**',
      '**/.travis.yml',
      '**/Jenkinsfile',
      '**/bitbucket-pipelines.yml',
      '**/.buildkite/**',
      '**/.drone.yml',
      '**/appveyor.yml',
    ],
    reason: 'CI runs it, with the project’s secrets',
  },
  { id: 'husky', patterns: ['**/.husky/**'], reason: 'husky runs these as git hooks on every commit or push' },
  {
    id: 'git-hooks',
    patterns: ['**/.githooks/**', '**/lefthook.yml', '**/lefthook.yaml', '**/.lefthook.yml', '**/.pre-commit-config.yaml', '**/.lintstagedrc*', '**/lint-staged.config.*', '**/.simple-git-hooks*'],
    reason: 'it runs as a git hook on commit',
  },
  { id: 'gitmodules', patterns: ['**/.gitmodules'], reason: 'git fetches submodules from the addresses it lists' },
  { id: 'package-json', patterns: ['**/package.json'], reason: 'its scripts run on every `npm install`, `npm test` and `npm run`' },
  {
    id: 'package-manager-config',
    patterns: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/.pnpmfile.cjs', '**/bunfig.toml'],
    reason: 'it decides where packages come from and what runs while installing them',
  },
  {
    id: 'lock-file',
    patterns: ['**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lock', '**/bun.lockb'],
    reason: 'it decides what `npm install` downloads',
  },
  { id: 'node-modules', patterns: ['**/node_modules/**'], reason: 'installed packages: their code runs whenever the project builds or runs' },
  { id: 'makefile', patterns: ['**/Makefile', '**/GNUmakefile', '**/*.mk', '**/justfile'], reason: '`make` (or `just`) runs the commands in it' },
  {
    id: 'shell-profile',
    patterns: [
      '**/.bashrc',
      '**/.bash_profile',
      '**/.bash_login',
      '**/.bash_logout',
      '**/.profile',
      '**/.zshrc',
      '**/.zshenv',
      '**/.zprofile',
      '**/.zlogin',
      '**/.zlogout',
      '**/.cshrc',
      '**/.tcshrc',
      '**/.kshrc',
      '**/.config/fish/**',
      '**/*profile.ps1',
    ],
    reason: 'your shell runs it in every new terminal',
  },
  { id: 'envrc', patterns: ['**/.envrc'], reason: 'direnv runs it when you enter the folder' },
  { id: 'cargo', patterns: ['**/build.rs', '**/.cargo/**'], reason: 'Cargo and rust-analyzer run it while building and indexing' },
  {
    id: 'gradle-maven',
    patterns: ['**/*.gradle', '**/*.gradle.kts', '**/gradlew', '**/gradlew.bat', '**/gradle/wrapper/**', '**/.mvn/**'],
    reason: 'Java extensions run the build (and the wrapper it names) when the folder opens',
  },
  { id: 'setup-py', patterns: ['**/setup.py'], reason: 'it runs on `pip install`' },
];
