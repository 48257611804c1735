/**
 * Loads the bash grammar shipped in the VSIX (dist/wasm, copied there by esbuild.mjs) once per
 * extension host.
 */
import * as vscode from 'vscode';
import { loadShellParser, type ShellParser } from '../../core/commands/shellParser';

let loaded: Promise<ShellParser> | undefined;

/** The parser for {@link judgeCommand} and {@link splitCommandLine}. */
export function bundledShellParser(extensionUri: vscode.Uri): Promise<ShellParser> {
  loaded ??= (async () => {
    const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'wasm', name));
    const [runtime, bash] = await Promise.all([read('tree-sitter.wasm'), read('tree-sitter-bash.wasm')]);
    return loadShellParser({ runtime, bash });
  })();
  // A failed load is not cached, so a later call can try again.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
