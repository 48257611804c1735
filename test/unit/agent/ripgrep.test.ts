import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ripgrepCandidates, rgListFiles, rgSearchText, type RipgrepSearch } from '../../../src/core/agent/search/ripgrep';
import { scanForMatches } from '../../../src/core/agent/search/scan';
import { nodeSpawn } from '../../../src/core/agent/search/spawn';
import { shippedRipgrep } from '../../tools/ripgrepPath';

describe('agent search: where rg is, and the fallback scan', () => {
  const signal = new AbortController().signal;
  it('looks where desktop VS Code and code-server keep rg', () => {
    const paths = ripgrepCandidates('/app', 'linux', 'x64');
    assert.ok(paths.includes('/app/node_modules/@vscode/ripgrep/bin/rg'));
    assert.ok(paths.includes('/app/node_modules.asar.unpacked/@vscode/ripgrep/bin/rg'));
    assert.ok(paths.includes('/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg'));
    assert.ok(ripgrepCandidates('C:\\VSCode\\resources\\app', 'win32', 'x64')[0]!.endsWith('\\rg.exe'));
  });

  it('the fallback scan finds the same lines with the same case rule', async () => {
    const texts: Record<string, string> = { 'a.ts': 'export const Alpha = 1;\nalpha\n', 'b.bin': 'alpha\0' };
    const found = await scanForMatches(Object.keys(texts), async (p) => texts[p], { query: 'alpha', isRegex: false, max: 10 }, signal);
    assert.deepEqual(found.items.map((m) => `${m.path}:${m.line}`), ['a.ts:1', 'a.ts:2']);
  });
});

describe('agent search: ripgrep as VS Code ships it', () => {
  const rg = shippedRipgrep();
  let dir: string;
  const config = (roots = [dir], excludes = ['**/.git', '**/out']): RipgrepSearch => ({ rgPath: rg!, roots, excludes, spawn: nodeSpawn });
  const signal = new AbortController().signal;

  before(function () {
    if (!rg) this.skip(); // the real-VS-Code tier is not provisioned here
    dir = mkdtempSync(join(tmpdir(), 'grok-rg-'));
    const files: Record<string, string> = {
      '.gitignore': 'dist/\n*.log\n',
      'src/a.ts': 'export const Alpha = 1;\nconst beta = "needle";\n',
      'src/b.ts': 'needle again\n',
      'dist/bundle.js': 'needle in build output\n',
      'debug.log': 'needle in a log\n',
      'out/x.txt': 'needle excluded by files.exclude\n',
      '.hidden/conf.txt': 'needle in a dot folder\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('lists files honouring .gitignore (without git) and the exclude globs', async () => {
    const found = await rgListFiles(config(), { max: 100 }, signal);
    assert.deepEqual(found.items.sort(), ['.gitignore', '.hidden/conf.txt', 'src/a.ts', 'src/b.ts']);
    assert.equal(found.truncated, false);
    assert.deepEqual((await rgListFiles(config(), { base: join(dir, 'src'), glob: '*.ts', max: 100 }, signal)).items.sort(), ['src/a.ts', 'src/b.ts']);
    const cut = await rgListFiles(config(), { max: 2 }, signal);
    assert.deepEqual([cut.items.length, cut.truncated], [2, true]);
  });

  it('searches with smart case, literal or regex, and stops at max', async () => {
    const hits = await rgSearchText(config(), { query: 'needle', isRegex: false, max: 100 }, signal);
    assert.deepEqual(hits.items.map((m) => `${m.path}:${m.line}`).sort(), ['.hidden/conf.txt:1', 'src/a.ts:2', 'src/b.ts:1']);
    assert.equal((await rgSearchText(config(), { query: 'alpha', isRegex: false, max: 10 }, signal)).items.length, 1, 'lower case matches any case');
    assert.equal((await rgSearchText(config(), { query: 'ALPHA', isRegex: false, max: 10 }, signal)).items.length, 0, 'capitals match exactly');
    assert.equal((await rgSearchText(config(), { query: 'a.ts', isRegex: false, max: 10 }, signal)).items.length, 0, 'literal by default');
    assert.equal((await rgSearchText(config(), { query: 'const \\w+ =', isRegex: true, max: 10 }, signal)).items.length, 2);
    // A glob narrows the search but never brings back what .gitignore hides (rg's own -g would).
    assert.deepEqual((await rgSearchText(config(), { query: 'needle', isRegex: false, glob: '**/*', max: 10 }, signal)).items.map((m) => m.path).sort(), ['.hidden/conf.txt', 'src/a.ts', 'src/b.ts']);
    assert.deepEqual((await rgSearchText(config(), { query: 'needle', isRegex: false, glob: 'dist/**', max: 10 }, signal)).items, []);
    assert.deepEqual((await rgSearchText(config(), { query: 'needle', isRegex: false, glob: 'src/*.ts', max: 10 }, signal)).items.map((m) => m.path).sort(), ['src/a.ts', 'src/b.ts']);
    assert.deepEqual((await rgListFiles(config(), { glob: '*.log', max: 10 }, signal)).items, []);
    assert.deepEqual((await rgListFiles(config(), { base: join(dir, 'dist'), max: 10 }, signal)).items, [], 'an ignored folder stays ignored');
    assert.deepEqual((await rgListFiles(config(), { glob: 'b.ts', max: 10 }, signal)).items, ['src/b.ts'], 'a glob without / matches the name anywhere');
    const cut = await rgSearchText(config(), { query: 'needle', isRegex: false, max: 1 }, signal);
    assert.deepEqual([cut.items.length, cut.truncated], [1, true]);
  });

  it('prefixes results with the folder name in a multi-root workspace', async () => {
    const found = await rgListFiles(config([join(dir, 'src'), join(dir, '.hidden')]), { max: 100 }, signal);
    assert.deepEqual(found.items.sort(), ['.hidden/conf.txt', 'src/a.ts', 'src/b.ts']);
  });

});
