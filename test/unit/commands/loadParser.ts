/** The bash parser from node_modules, loaded once for all unit tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadShellParser, type ShellParser } from '../../../src/core/commands/shellParser';

const modules = join(__dirname, '../../../node_modules');
let parser: Promise<ShellParser> | undefined;

/** The shared parser (the grammar takes ~50 ms to load). */
export function testParser(): Promise<ShellParser> {
  parser ??= (async () =>
    loadShellParser({
      runtime: await readFile(join(modules, 'web-tree-sitter/tree-sitter.wasm')),
      bash: await readFile(join(modules, 'tree-sitter-bash/tree-sitter-bash.wasm')),
    }))();
  return parser;
}
