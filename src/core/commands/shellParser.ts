/**
 * The bash grammar, loaded once: tree-sitter's bash grammar compiled to WebAssembly (the same
 * parser VS Code's own terminal tool uses to split command lines), run by web-tree-sitter. The
 * caller hands over the two `.wasm` files' bytes, so core reads no file and the host decides where
 * they live (dist/ in the VSIX, node_modules in tests).
 */
import { Language, Parser, type Node } from 'web-tree-sitter';

/** The syntax tree node type the segmenter walks. */
export type ShellNode = Node;

/** Parses command lines with the bash grammar. */
export interface ShellParser {
  /**
   * Parses `line` and hands its root to `read`, whose result is returned; the tree lives in
   * WebAssembly memory and is freed right after, so `read` must not keep nodes. `read` gets
   * `undefined` when the parser gave up (it never throws on bad input).
   */
  read<T>(line: string, read: (root: ShellNode | undefined) => T): T;
}

/** The two WebAssembly modules the parser needs. */
export interface ShellParserWasm {
  /** web-tree-sitter's runtime, `web-tree-sitter/tree-sitter.wasm`. */
  runtime: Uint8Array;
  /** The grammar, `tree-sitter-bash/tree-sitter-bash.wasm`. */
  bash: Uint8Array;
}

let runtimeReady: Promise<void> | undefined;

/**
 * Loads the bash grammar. The runtime is initialised once per process (web-tree-sitter keeps it
 * global); each call loads the grammar into its own parser.
 */
export async function loadShellParser(wasm: ShellParserWasm): Promise<ShellParser> {
  // The bytes are given directly so emscripten never looks for the file next to a bundled script.
  runtimeReady ??= Parser.init({ wasmBinary: wasm.runtime });
  await runtimeReady;
  const language = await Language.load(wasm.bash);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    read(line, read) {
      const tree = parser.parse(line);
      try {
        return read(tree?.rootNode ?? undefined);
      } finally {
        tree?.delete();
      }
    },
  };
}
