import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPathLexically, SENSITIVE_KINDS, sensitiveMatch } from '../../../src/core/safety';

/** At least one real-world path per kind, and paths that only look close. */
const EXAMPLES: Record<string, string[]> = {
  'vscode-tasks': ['.vscode/tasks.json', 'packages/web/.vscode/tasks.json', '.VSCode/Tasks.JSON'],
  'vscode-launch': ['.vscode/launch.json'],
  'vscode-settings': ['.vscode/settings.json'],
  'vscode-extensions': ['.vscode/extensions.json'],
  'vscode-folder': ['.vscode/mcp.json', '.vscode/snippets/ts.code-snippets'],
  'code-workspace': ['app.code-workspace', 'tools/All.Code-Workspace'],
  devcontainer: ['.devcontainer/devcontainer.json', '.devcontainer.json'],
  'github-workflows': ['.github/workflows/ci.yml', '.github/workflows/nested/release.yaml', '.github/actions/setup/action.yml'],
  'ci-config': ['.gitlab-ci.yml', '.circleci/config.yml', 'azure-pipelines.yml', '.travis.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.buildkite/pipeline.yml', '.drone.yml', 'appveyor.yml'],
  husky: ['.husky/pre-commit', '.husky/_/husky.sh'],
  'git-hooks': ['.githooks/pre-push', 'lefthook.yml', '.pre-commit-config.yaml', '.lintstagedrc.json', 'lint-staged.config.mjs', '.simple-git-hooks.json'],
  gitmodules: ['.gitmodules'],
  'package-json': ['package.json', 'packages/api/package.json'],
  'package-manager-config': ['.npmrc', '.yarnrc.yml', '.pnpmfile.cjs', 'bunfig.toml'],
  'lock-file': ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'],
  'node-modules': ['node_modules/left-pad/index.js', 'packages/a/node_modules/.bin/tsc'],
  makefile: ['Makefile', 'makefile', 'GNUmakefile', 'build/rules.mk', 'justfile'],
  'shell-profile': ['.bashrc', '.bash_profile', '.profile', '.zshrc', '.zshenv', '.config/fish/config.fish', 'Documents/PowerShell/Microsoft.PowerShell_profile.ps1'],
  envrc: ['.envrc'],
  cargo: ['build.rs', 'crates/core/build.rs', '.cargo/config.toml'],
  'gradle-maven': ['build.gradle', 'settings.gradle.kts', 'gradlew', 'gradle/wrapper/gradle-wrapper.properties', '.mvn/wrapper/maven-wrapper.properties'],
  'setup-py': ['setup.py'],
};

const PLAIN = ['src/package.ts', 'docs/package.json.md', '.gitignore', '.github/CODEOWNERS', '.github/ISSUE_TEMPLATE/bug.md', 'src/vscode/tasks.ts', 'Makefile.md', 'README.md', 'src/profile.ts', 'scripts/build.ts', 'node_modules.md', 'test/fixtures/.vscodeignore'];

describe('sensitive file kinds', () => {
  it('has an example for every kind, and each example is classified as that kind', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), SENSITIVE_KINDS.map((k) => k.id).sort());
    for (const [kind, paths] of Object.entries(EXAMPLES)) {
      for (const path of paths) {
        assert.equal(sensitiveMatch(path)?.kind, kind, path);
        const check = checkPathLexically(['/work/app'], path);
        assert.ok(!check.ok && check.reason === 'sensitive' && check.confirmable && check.kind === kind, `${path}: ${JSON.stringify(check)}`);
        assert.ok(check.message.includes(path) && check.why && check.message.includes(check.why), 'the message names the file and why');
      }
    }
  });

  it('leaves files that only look close plain', () => {
    for (const path of PLAIN) assert.equal(sensitiveMatch(path), undefined, path);
  });

  it('gives every kind a short reason', () => {
    for (const kind of SENSITIVE_KINDS) assert.ok(kind.reason.length > 10 && kind.reason.length < 100 && !kind.reason.endsWith('.'), kind.id);
  });

  it('is listed in the README: every pattern and every reason', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const kind of SENSITIVE_KINDS) {
      assert.ok(readme.includes(kind.reason), `README gives the reason for ${kind.id}`);
      for (const pattern of kind.patterns) assert.ok(readme.includes(`\`${pattern.replace(/^\*\*\//, '')}\``), `README lists ${pattern}`);
    }
  });
});
