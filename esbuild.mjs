// Builds the extension: one base config, two bundles (Node host, browser webview),
// plus the extension-host test suite in development builds.
// Flags: --watch (rebuild on change), --production (minify, no sourcemaps, no tests).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const base = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/**
 * undici is about 530 KB minified and cannot be tree-shaken (CommonJS, one index), so it gets
 * its own chunk, dist/vendor/undici.js, which the host bundle requires at run time. Tests and
 * scripts outside the bundle resolve `undici` from node_modules as usual.
 */
const vendorUndici = {
  name: 'vendor-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './vendor/undici.js', external: true }));
  },
};

/**
 * web-tree-sitter (the bash grammar's runtime, ~160 KB already minified) is its own chunk too,
 * dist/vendor/web-tree-sitter.js: its CommonJS build copied as is, since its ESM build finds its
 * runtime through `import.meta.url`, which a CommonJS bundle does not have (the .wasm bytes are
 * passed in anyway). The test bundle inlines the same CommonJS build.
 */
const vendorTreeSitter = {
  name: 'vendor-web-tree-sitter',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: './vendor/web-tree-sitter.js', external: true }));
  },
};
const treeSitterCjs = { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' };

/** The extension host bundle: Node, CommonJS, `vscode` provided by the host. */
const host = {
  ...base,
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  plugins: [vendorUndici, vendorTreeSitter],
};

/** undici as one file next to the host bundle (see vendorUndici). */
const undiciChunk = {
  ...base,
  entryPoints: { 'vendor/undici': 'node_modules/undici/index.js' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
};

/** The chat webview bundle: browser, no Node built-ins, no network. */
const webview = {
  ...base,
  entryPoints: { webview: 'src/webview/main.ts' },
  outdir: 'dist',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // markdown-it needs only entities' decoder (decodeHTML, decodeHTMLStrict); its index also pulls
  // in the encoder tables (~23 KB minified) that nothing calls.
  alias: { entities: 'entities/lib/decode.js' },
  loader: { '.ttf': 'file' },
};

/** Extension-host tests (mocha inside VS Code): each test file is its own entry. */
const hostTests = {
  ...base,
  entryPoints: [
    'test/extension/index.ts',
    ...readdirSync('test/extension')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `test/extension/${f}`),
  ],
  outdir: 'dist/test/suite',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  alias: treeSitterCjs,
};

const configs = production ? [host, undiciChunk, webview] : [host, undiciChunk, webview, hostTests];

if (production) await rm('dist', { recursive: true, force: true });
// Stale compiled tests (from deleted test files) would otherwise keep running.
else await rm('dist/test', { recursive: true, force: true });

// Codicons ship as a font with their stylesheet; the webview loads them from dist/ (CSP: font-src).
await mkdir('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  await cp(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
}

// The bash grammar for judging agent commands (src/vscode/agent/shellParser.ts loads these).
await mkdir('dist/vendor', { recursive: true });
await cp('node_modules/web-tree-sitter/tree-sitter.cjs', 'dist/vendor/web-tree-sitter.js');
await mkdir('dist/wasm', { recursive: true });
await cp('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/wasm/tree-sitter.wasm');
await cp('node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/wasm/tree-sitter-bash.wasm');

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes…');
} else {
  const started = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`[esbuild] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms`);
}
