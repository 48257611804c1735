import { strict as assert } from 'node:assert';
import { checkPathLexically, classifyPath, type PathCheck } from '../../../src/core/safety';
import { fakeFs } from './fakeFs';

function reasonOf(check: PathCheck): string {
  return check.ok ? 'ok' : check.reason;
}

describe('classifyPath on a Windows file system', () => {
  const root = 'C:\\Users\\me\\app';
  const fs = fakeFs(
    {
      'C:\\': 'dir',
      'C:\\Users': 'dir',
      'C:\\Users\\me': 'dir',
      [root]: 'dir',
      [`${root}\\.git`]: 'dir',
      [`${root}\\.git\\hooks`]: 'dir',
      [`${root}\\.git\\hooks\\pre-commit`]: 'file',
      [`${root}\\.github`]: 'dir',
      [`${root}\\.vscode`]: 'dir',
      [`${root}\\src`]: 'dir',
    },
    { windows: true, caseInsensitive: true, shortNames: { [`${root}\\.git`]: 'GIT~1', [`${root}\\.github`]: 'GITHUB~1', [`${root}\\.vscode`]: 'VSCODE~1' } },
  );

  const tricks = [
    '.git.\\hooks\\pre-commit',
    '.git \\hooks\\pre-commit',
    '.git. . \\hooks\\pre-commit',
    'GIT~1\\hooks\\pre-commit',
    'git~1\\hooks\\pre-commit',
    '.git::$INDEX_ALLOCATION\\hooks\\pre-commit',
    '.git:$I30:$INDEX_ALLOCATION\\hooks\\pre-commit',
    '.GIT\\hooks\\pre-commit',
    'src\\..\\.git.\\config',
    'C:\\USERS\\ME\\APP\\.git.\\HEAD',
  ];

  for (const trick of tricks) {
    it(`sees ${trick} as inside .git`, async () => {
      const check = await classifyPath([root], trick, fs);
      assert.equal(reasonOf(check), 'inside-git', JSON.stringify(check));
      assert.ok(!check.ok && check.confirmable && check.kind === 'git');
      // The string-only check, with no file system to ask, reaches the same verdict.
      assert.equal(reasonOf(checkPathLexically([root], trick)), 'inside-git', trick);
    });
  }

  it('resolves short names of other sensitive folders, through the file system and without it', async () => {
    for (const [path, kind] of [
      ['VSCODE~1\\tasks.json', 'vscode-tasks'],
      ['VSCODE~1\\TASKS~1.JSO', 'vscode-tasks'],
      ['GITHUB~1\\WORKFL~1\\ci.yml', 'github-workflows'],
      ['NODE_M~1\\left-pad\\index.js', 'node-modules'],
      ['PACKAG~1.JSO', 'package-json'],
      ['MYPROJ~1.COD', 'code-workspace'],
    ] as const) {
      const check = await classifyPath([root], path, fs);
      assert.ok(!check.ok && check.reason === 'sensitive' && check.kind === kind, `${path}: ${JSON.stringify(check)}`);
    }
    assert.ok((await classifyPath([root], 'src\\SHORT~1.TS', fs)).ok, 'a short name of nothing sensitive stays plain');
  });

  it('keeps plain files plain and writes where the path says', async () => {
    const check = await classifyPath([root], 'src\\a.ts', fs);
    assert.deepEqual(check, { ok: true, absolutePath: `${root}\\src\\a.ts`, root, relativePath: 'src/a.ts' });
    assert.equal(reasonOf(await classifyPath([root], '..\\other\\x.ts', fs)), 'outside-workspace');
    assert.equal(reasonOf(await classifyPath([root], '...\\x.ts', fs)), 'outside-workspace', 'a dots-only segment is read as ..');
  });
});

describe('classifyPath with symlinks (fake file systems)', () => {
  const root = '/Users/me/app';
  const base = { '/': 'dir', '/Users': 'dir', '/Users/me': 'dir', [root]: 'dir', [`${root}/.vscode`]: 'dir', '/etc': 'dir' } as const;

  it('folds case where the file system ignores it, and only there', async () => {
    const entries = { ...base, [`${root}/cfg`]: { link: '/USERS/ME/APP/.VSCODE' } };
    const insensitive = await classifyPath([root], 'cfg/tasks.json', fakeFs(entries, { caseInsensitive: true }));
    assert.ok(!insensitive.ok && insensitive.reason === 'sensitive' && insensitive.kind === 'vscode-tasks', JSON.stringify(insensitive));
    assert.equal(insensitive.absolutePath, `${root}/cfg/tasks.json`, 'written where the path says');
    // On a case-sensitive file system the same link points at a folder that does not exist, outside.
    const sensitive = await classifyPath([root], 'cfg/tasks.json', fakeFs(entries));
    assert.equal(reasonOf(sensitive), 'outside-workspace', JSON.stringify(sensitive));
  });

  it('follows a dangling link to where a new file would land', async () => {
    const fs = fakeFs({ ...base, [`${root}/drop`]: { link: '/etc/cron.d' } });
    const check = await classifyPath([root], 'drop/job', fs);
    assert.ok(!check.ok && check.reason === 'outside-workspace' && check.realPath === '/etc/cron.d/job', JSON.stringify(check));
    assert.match(check.ok ? '' : check.message, /symbolic link/);
  });

  it('refuses a loop of links without offering to confirm', async () => {
    const fs = fakeFs({ ...base, [`${root}/a`]: { link: 'b' }, [`${root}/b`]: { link: 'a' } });
    const check = await classifyPath([root], 'a/x.ts', fs);
    assert.ok(!check.ok && check.reason === 'invalid' && !check.confirmable, JSON.stringify(check));
  });

  it('asks the file system nothing about a path that is already outside', async () => {
    const fs = fakeFs({ ...base });
    assert.equal(reasonOf(await classifyPath([root], '../../../etc/passwd', fs)), 'outside-workspace');
    assert.equal(reasonOf(await classifyPath([root], '/etc/passwd', fs)), 'outside-workspace');
    assert.deepEqual(fs.calls, []);
  });
});
