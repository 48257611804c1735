import { strict as assert } from 'node:assert';
import { checkEditPath } from '../../../src/core/edits';

describe('checkEditPath', () => {
  const roots = ['/work/app'];

  it('resolves relative paths against the workspace folder', () => {
    assert.deepEqual(checkEditPath(roots, 'src/a.ts'), { ok: true, absolutePath: '/work/app/src/a.ts', root: '/work/app', relativePath: 'src/a.ts' });
    assert.deepEqual(checkEditPath(roots, './src/../lib/b.ts'), checkEditPath(roots, 'lib/b.ts'));
    assert.deepEqual(checkEditPath(roots, '`src\\c.ts`'), { ok: true, absolutePath: '/work/app/src/c.ts', root: '/work/app', relativePath: 'src/c.ts' });
  });

  it('accepts absolute paths and file:// URIs inside the workspace', () => {
    assert.ok(checkEditPath(roots, '/work/app/x.ts').ok);
    assert.ok(checkEditPath(roots, 'file:///work/app/x%20y.ts').ok);
  });

  it('refuses escapes and absolute paths outside the workspace, confirmably', () => {
    for (const p of ['../secrets.env', 'src/../../other/x.ts', '/etc/passwd', '/work/application/x.ts']) {
      const r = checkEditPath(roots, p);
      assert.ok(!r.ok && r.reason === 'outside-workspace' && r.confirmable, p);
    }
  });

  it('refuses anything inside a .git folder, at any depth and in any case', () => {
    for (const p of ['.git/config', 'sub/.git/hooks/pre-commit', '.GIT/HEAD']) {
      const r = checkEditPath(roots, p);
      assert.ok(!r.ok && r.reason === 'inside-git' && r.confirmable, p);
    }
    assert.ok(checkEditPath(roots, '.gitignore').ok);
    assert.ok(checkEditPath(roots, '.github/CODEOWNERS').ok);
  });

  it('asks before files that run code or change the editor, naming why (the list is in core/safety)', () => {
    for (const [p, kind] of [
      ['.github/workflows/ci.yml', 'github-workflows'],
      ['.vscode/tasks.json', 'vscode-tasks'],
      ['package.json', 'package-json'],
    ] as const) {
      const r = checkEditPath(roots, p);
      assert.ok(!r.ok && r.reason === 'sensitive' && r.confirmable && r.kind === kind && r.relativePath === p && r.root === '/work/app', p);
      assert.equal(r.absolutePath, `/work/app/${p}`);
    }
  });

  it('refuses what is not a file path, without offering to confirm', () => {
    for (const p of ['', '  ', 'a\0b', '/work/app']) {
      const r = checkEditPath(roots, p);
      assert.ok(!r.ok && r.reason === 'invalid' && !r.confirmable, JSON.stringify(p));
    }
    const none = checkEditPath([], 'a.ts');
    assert.ok(!none.ok && none.reason === 'no-workspace');
  });

  it('picks the folder named by the first segment in a multi-root workspace', () => {
    const multi = ['/repos/api', '/repos/web'];
    const r = checkEditPath(multi, 'web/src/app.tsx');
    assert.ok(r.ok && r.root === '/repos/web' && r.relativePath === 'src/app.tsx');
    const first = checkEditPath(multi, 'src/main.ts');
    assert.ok(first.ok && first.root === '/repos/api');
    assert.ok(checkEditPath(multi, '/repos/web/x.ts').ok);
  });

  it('handles Windows folders case-insensitively', () => {
    const win = ['C:\\Users\\me\\app'];
    const r = checkEditPath(win, 'src\\a.ts');
    assert.ok(r.ok && r.absolutePath === 'C:\\Users\\me\\app\\src\\a.ts' && r.relativePath === 'src/a.ts');
    assert.ok(checkEditPath(win, 'c:\\users\\ME\\app\\b.ts').ok);
    const out = checkEditPath(win, '..\\other\\x.ts');
    assert.ok(!out.ok && out.reason === 'outside-workspace');
    const git = checkEditPath(win, 'src\\.git\\x');
    assert.ok(!git.ok && git.reason === 'inside-git');
    for (const trick of ['.git.\\hooks\\pre-commit', '.git \\hooks\\pre-commit', 'GIT~1\\hooks\\pre-commit', '.git::$INDEX_ALLOCATION\\hooks\\pre-commit']) {
      const r = checkEditPath(win, trick);
      assert.ok(!r.ok && r.reason === 'inside-git', trick);
    }
  });
});
