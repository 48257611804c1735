import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Runtime module specifiers of a file: `import … from`, bare `import '…'`, `export … from`, `require()`, `import()`. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'"]*?\s+from\s+['"]([^'"]+)['"]/gm,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1] as string);
  return found;
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|http$|https$|net$|crypto$)/;

const rules: { dir: string; forbid: (spec: string, file: string) => string | undefined }[] = [
  { dir: 'src/core', forbid: (s) => (s === 'vscode' ? 'core must not import vscode at runtime' : undefined) },
  {
    dir: 'src/shared',
    forbid: (s) =>
      s === 'zod' || s.startsWith('./') ? undefined : `shared may import only zod (found ${s})`,
  },
  {
    dir: 'src/webview',
    forbid: (s) => {
      if (s === 'vscode') return 'webview must not import vscode';
      if (NODE_BUILTIN.test(s)) return `webview must not import Node built-ins (${s})`;
      if (/(^|\/)(vscode|core)\//.test(s) && s.startsWith('..')) return `webview must not import host code at runtime (${s})`;
      return undefined;
    },
  },
];

describe('layering', () => {
  it('the import scanner sees runtime imports and ignores type-only ones', () => {
    const src = [
      "import type { X } from 'vscode';",
      "import * as vscode from 'vscode';",
      "import { a } from './a';",
      "export { b } from 'zod';",
      "const c = require('fs');",
      "import 'side-effect';",
    ].join('\n');
    assert.deepEqual(runtimeImports(src).sort(), ['./a', 'fs', 'side-effect', 'vscode', 'zod'].sort());
  });

  it('src imports zod as a namespace, so its unused locales are tree-shaken from the bundle', () => {
    // `import { z } from 'zod'` keeps every locale (~350 KB minified); `import * as z` does not.
    const offenders = ['src/core', 'src/shared', 'src/vscode']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => /import\s+(?!type\b)\{[^}]*\}\s+from\s+['"]zod(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, [], 'use: import * as z from "zod"');
  });

  for (const rule of rules) {
    it(`${rule.dir} keeps its imports to its layer`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(join(ROOT, rule.dir))) {
        for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
          const why = rule.forbid(spec, file);
          if (why) problems.push(`${relative(ROOT, file)}: ${why}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
