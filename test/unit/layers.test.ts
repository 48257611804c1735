import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { IConfiguration, ICruiseResult } from 'dependency-cruiser';

const ROOT = join(__dirname, '../..');
/** The rules `npm run lint` checks src/ against: one source for both, so the rules tested are the rules run. */
const config: IConfiguration = require(join(ROOT, '.dependency-cruiser.cjs'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/**
 * A small project that keeps every rule: type-only imports where only those are allowed, zod
 * in the protocol, `vscode` at runtime only in the adapters. Each test plants one file in it.
 */
const LEGAL_TREE: Record<string, string> = {
  'src/shared/protocol.ts': "import * as z from 'zod';\nexport const schema = z.string();\nexport type Message = z.infer<typeof schema>;\n",
  'src/core/logic.ts':
    "import type * as vscode from 'vscode';\nimport type { Message } from '../shared/protocol';\nexport function echo(m: Message, _uri?: vscode.Uri): Message { return m; }\n",
  'src/vscode/adapter.ts':
    "import * as vscode from 'vscode';\nimport { echo } from '../core/logic';\nimport { schema } from '../shared/protocol';\nexport const show = (m: string) => vscode.window.showInformationMessage(echo(schema.parse(m)));\n",
  'src/webview/main.ts': "import type { Message } from '../shared/protocol';\nimport { render } from './render';\nexport const view = (m: Message) => render(m);\n",
  'src/webview/render.ts': 'export function render(text: string): string { return text; }\n',
  'src/extension.ts': "import { show } from './vscode/adapter';\nexport function activate() { void show('hi'); }\n",
};

/** Violations ("rule: from → to") of the lint rules in the legal tree plus `plant`. */
async function violations(plant: Record<string, string>): Promise<string[]> {
  const { cruise } = await import('dependency-cruiser');
  const dir = mkdtempSync(join(tmpdir(), 'grok-layers-'));
  try {
    // The project's packages, so `zod` and `vscode` resolve as they do in src/ (paths stay under node_modules/).
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const [path, text] of Object.entries({ ...LEGAL_TREE, ...plant })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { tsConfig: _none, ...options } = config.options ?? {};
    const { output } = await cruise(['src'], { ...options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir: dir, preserveSymlinks: true });
    const result = output as ICruiseResult;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layering', function () {
  // Each case parses a small tree with the TypeScript compiler; the first loads it (seconds on a busy machine).
  this.timeout(60_000);

  it('a tree that keeps the layers passes (type-only imports of shared and vscode included)', async () => {
    assert.deepEqual(await violations({}), []);
  });

  it('core may not import the adapters by a relative path', async () => {
    assert.deepEqual(await violations({ 'src/core/chat/bad.ts': "import { show } from '../../vscode/adapter';\nexport const x = show;\n" }), [
      'core-not-to-host: src/core/chat/bad.ts → src/vscode/adapter.ts',
    ]);
  });

  it('core may not import the composition root or the webview, not even their types', async () => {
    const found = await violations({
      'src/core/bad.ts': "import type { activate } from '../extension';\nimport type { render } from '../webview/render';\nexport type A = typeof activate | typeof render;\n",
    });
    assert.deepEqual(found, ['core-not-to-host: src/core/bad.ts → src/extension.ts', 'core-not-to-host: src/core/bad.ts → src/webview/render.ts']);
  });

  it('core may import vscode for types only', async () => {
    assert.deepEqual(await violations({ 'src/core/bad.ts': "import * as vscode from 'vscode';\nexport const w = vscode.window;\n" }), [
      'core-no-runtime-vscode: src/core/bad.ts → node_modules/@types/vscode/index.d.ts',
    ]);
  });

  it('the webview may import the protocol for types only (a runtime import pulls zod into the browser)', async () => {
    assert.deepEqual(await violations({ 'src/webview/bad.ts': "import { schema } from '../shared/protocol';\nexport const s = schema;\n" }), [
      'webview-shared-types-only: src/webview/bad.ts → src/shared/protocol.ts',
    ]);
  });

  it('the webview imports nothing from the host: core, vscode, Node', async () => {
    const found = await violations({
      'src/webview/bad.ts': "import type { echo } from '../core/logic';\nimport * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';\nexport const x = [vscode, readFileSync] as unknown as typeof echo;\n",
    });
    assert.deepEqual(found, [
      'webview-no-node: src/webview/bad.ts → fs',
      'webview-not-to-host: src/webview/bad.ts → node_modules/@types/vscode/index.d.ts',
      'webview-not-to-host: src/webview/bad.ts → src/core/logic.ts',
    ]);
  });

  it('the adapters never import the webview', async () => {
    assert.deepEqual(await violations({ 'src/vscode/bad.ts': "import { render } from '../webview/render';\nexport const r = render;\n" }), [
      'vscode-not-to-webview: src/vscode/bad.ts → src/webview/render.ts',
    ]);
  });

  it('the protocol is a leaf: it imports only zod', async () => {
    const found = await violations({ 'src/shared/protocol.ts': `${LEGAL_TREE['src/shared/protocol.ts']}import type { echo } from '../core/logic';\nexport type E = typeof echo;\n` });
    // This also closes a cycle with core/logic.ts, but only through types, which the compiler erases.
    assert.deepEqual(found, ['shared-is-a-leaf: src/shared/protocol.ts → src/core/logic.ts']);
  });

  it('the stored history format imports only zod, not the protocol', async () => {
    const found = await violations({ 'src/core/chat/storedFormat.ts': "import * as z from 'zod';\nimport type { Message } from '../../shared/protocol';\nexport const turn = z.object({ text: z.string() });\nexport type T = Message;\n" });
    assert.deepEqual(found, ['stored-format-own-schema: src/core/chat/storedFormat.ts → src/shared/protocol.ts']);
  });

  it('modules form no runtime cycle (reported once, at its first edge), and every import resolves', async () => {
    const found = await violations({
      'src/core/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
      'src/core/b.ts': "import { a } from './a';\nimport { gone } from './missing';\nexport const b = () => a() + gone;\n",
    });
    assert.deepEqual(found, ['no-circular: src/core/a.ts → src/core/b.ts', 'not-to-unresolvable: src/core/b.ts → ./missing']);
  });

  it('src imports zod as a namespace, so its unused locales are tree-shaken from the bundle', () => {
    // `import { z } from 'zod'` keeps every locale (~350 KB minified); `import * as z` does not.
    const offenders = ['src/core', 'src/shared', 'src/vscode']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => /import\s+(?!type\b)\{[^}]*\}\s+from\s+['"]zod(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, [], 'use: import * as z from "zod"');
  });
});
