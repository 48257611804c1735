import { strict as assert } from 'node:assert';
import { resolveCommandCwd } from '../../../src/core/commands/cwd';
import { descendantsOf, parseProcessTable } from '../../../src/core/commands/processTree';
import { shellKind } from '../../../src/core/commands/wrappers';
import { fakeFs } from '../safety/fakeFs';

describe('resolveCommandCwd', () => {
  const fs = fakeFs({ '/': 'dir', '/ws': 'dir', '/ws/app': 'dir', '/ws/app/sub': 'dir', '/ws/app/.git': 'dir', '/ws/app/out': { link: '/tmp' }, '/ws/api': 'dir', '/tmp': 'dir' });
  const roots = ['/ws/app'];

  it('runs in the first folder by default and in folders inside it', async () => {
    assert.deepEqual(await resolveCommandCwd(roots, undefined, fs), { ok: true, cwd: '/ws/app' });
    assert.deepEqual(await resolveCommandCwd(roots, '.', fs), { ok: true, cwd: '/ws/app' });
    assert.deepEqual(await resolveCommandCwd(roots, 'sub', fs), { ok: true, cwd: '/ws/app/sub' });
    assert.deepEqual(await resolveCommandCwd(roots, '/ws/app/sub/', fs), { ok: true, cwd: '/ws/app/sub' });
    assert.deepEqual(await resolveCommandCwd(['/ws/app', '/ws/api'], 'api', fs), { ok: true, cwd: '/ws/api' });
  });

  it('refuses folders outside the workspace, through a symlink, in .git, or with no folder open', async () => {
    for (const cwd of ['/tmp', '..', 'sub/../../api', 'out', '.git']) {
      const check = await resolveCommandCwd(roots, cwd, fs);
      assert.ok(!check.ok, cwd);
      assert.match(check.message, /inside the workspace/, cwd);
    }
    assert.match((await resolveCommandCwd([], undefined, fs) as { message: string }).message, /No folder is open/);
  });
});

describe('process tree', () => {
  it('finds every descendant of a process from ps output, not its siblings', () => {
    const table = parseProcessTable('    1     0\n  100     1\n  101   100\n  102   101\n  103   100\n  200     1\n  garbage\n  201   200\n');
    assert.deepEqual(descendantsOf(table, 100), [101, 103, 102]);
    assert.deepEqual(descendantsOf(table, 102), []);
  });

  it('does not loop on a table with a cycle', () => {
    assert.deepEqual(descendantsOf([{ pid: 5, ppid: 6 }, { pid: 6, ppid: 5 }], 5), [6]);
  });
});

describe('shellKind', () => {
  it('tells POSIX shells from others by their path', () => {
    for (const p of ['/bin/bash', '/usr/bin/zsh', '/bin/sh', 'C:\\Program Files\\Git\\bin\\bash.exe', 'dash']) assert.equal(shellKind(p), 'posix', p);
    for (const p of ['/usr/bin/fish', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'pwsh', 'cmd.exe', '']) assert.equal(shellKind(p), 'other', p);
  });
});
