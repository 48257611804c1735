// Prints the size of the shipped artefacts and fails when one is over its budget.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const budgets = [
  { file: 'dist/extension.js', label: 'host bundle', maxBytes: 500 * 1024 },
  { file: 'dist/vendor/undici.js', label: 'undici chunk', maxBytes: 600 * 1024 },
  { file: 'dist/vendor/web-tree-sitter.js', label: 'tree-sitter', maxBytes: 200 * 1024 },
  { file: 'dist/webview.js', label: 'webview bundle', maxBytes: 400 * 1024 },
  { file: 'dist/grok-code-assistant.vsix', label: 'VSIX', maxBytes: 2 * 1024 * 1024 },
];

let failed = false;
for (const { file, label, maxBytes } of budgets) {
  let size;
  try {
    size = statSync(join(root, file)).size;
  } catch {
    console.error(`[budget] ${label}: ${file} is missing (run npm run package)`);
    failed = true;
    continue;
  }
  const ok = size <= maxBytes;
  failed ||= !ok;
  const pct = ((size / maxBytes) * 100).toFixed(0);
  console.log(`[budget] ${ok ? 'ok  ' : 'OVER'} ${label.padEnd(15)} ${(size / 1024).toFixed(1).padStart(7)} KB of ${(maxBytes / 1024).toFixed(0)} KB (${pct}%)`);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (failed) {
  console.error(`[budget] grok-code-assistant ${version}: over budget`);
  process.exit(1);
}
