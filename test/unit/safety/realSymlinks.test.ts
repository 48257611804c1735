import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyPath, nodePathFs, type PathCheck } from '../../../src/core/safety';

function reasonOf(check: PathCheck): string {
  return check.ok ? 'ok' : check.reason;
}

describe('classifyPath on the real file system (symlinks in a temp dir)', () => {
  let dir: string;
  let ws: string;
  let out: string;

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'grok-paths-'));
    ws = join(dir, 'ws');
    out = join(dir, 'outside');
    mkdirSync(join(ws, 'src'), { recursive: true });
    mkdirSync(join(ws, '.vscode'));
    mkdirSync(join(ws, '.git.'));
    mkdirSync(out);
    writeFileSync(join(out, 'target.ts'), 'secret');
    writeFileSync(join(ws, 'src', 'a.ts'), 'a');
    try {
      symlinkSync(out, join(ws, 'linked'), 'dir');
    } catch {
      this.skip(); // no symlinks without privileges on some Windows machines
    }
    symlinkSync(join(out, 'target.ts'), join(ws, 'src', 'evil.ts'));
    symlinkSync(join(out, 'missing.ts'), join(ws, 'src', 'dangling.ts'));
    symlinkSync('../.vscode', join(ws, 'src', 'cfg'), 'dir');
    symlinkSync('a.ts', join(ws, 'src', 'alias.ts'));
    symlinkSync('loop-b', join(ws, 'loop-a'));
    symlinkSync('loop-a', join(ws, 'loop-b'));
    symlinkSync(ws, join(dir, 'ws-link'), 'dir');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sees a symlinked folder pointing outside as outside', async () => {
    const check = await classifyPath([ws], 'linked/target.ts', nodePathFs);
    assert.equal(reasonOf(check), 'outside-workspace');
    assert.ok(!check.ok && check.realPath === join(out, 'target.ts') && check.confirmable);
    assert.equal(reasonOf(await classifyPath([ws], 'linked/new-file.ts', nodePathFs)), 'outside-workspace', 'also for a file that does not exist yet');
  });

  it('sees a symlinked file and a dangling link pointing outside as outside', async () => {
    assert.equal(reasonOf(await classifyPath([ws], 'src/evil.ts', nodePathFs)), 'outside-workspace');
    const dangling = await classifyPath([ws], 'src/dangling.ts', nodePathFs);
    assert.ok(!dangling.ok && dangling.reason === 'outside-workspace' && dangling.realPath === join(out, 'missing.ts'), JSON.stringify(dangling));
  });

  it('classifies what a link inside the workspace leads to', async () => {
    const check = await classifyPath([ws], 'src/cfg/tasks.json', nodePathFs);
    assert.ok(!check.ok && check.reason === 'sensitive' && check.kind === 'vscode-tasks', JSON.stringify(check));
    assert.equal(check.absolutePath, join(ws, 'src', 'cfg', 'tasks.json'));
    assert.deepEqual(await classifyPath([ws], 'src/alias.ts', nodePathFs), { ok: true, absolutePath: join(ws, 'src', 'alias.ts'), root: ws, relativePath: 'src/alias.ts' });
  });

  it('accepts a workspace folder opened through a symlink', async () => {
    const root = join(dir, 'ws-link');
    assert.ok((await classifyPath([root], 'src/a.ts', nodePathFs)).ok);
    assert.equal(reasonOf(await classifyPath([root], 'src/evil.ts', nodePathFs)), 'outside-workspace');
  });

  it('refuses a loop of links, and reads `.git.` as .git even where it is another folder', async () => {
    assert.equal(reasonOf(await classifyPath([ws], 'loop-a/x', nodePathFs)), 'invalid');
    assert.equal(reasonOf(await classifyPath([ws], '.git./hooks/pre-commit', nodePathFs)), 'inside-git');
  });

  it('probes case sensitivity instead of assuming it', async function () {
    if (process.platform !== 'linux') this.skip();
    assert.equal(await nodePathFs.caseInsensitive(ws), false, 'Linux temp dirs compare with case');
  });
});
