import * as vscode from 'vscode';
import type { KeyProblem } from '../core/apiKey';
import { showErrorWithAction } from './errorActions';
import { indentationBlock, innermostSymbol, type SymbolRange } from '../core/enclosingBlock';
import type { ContextItem } from '../core/chat/prompt';

/** The code an editor command works on: the selection, else the enclosing function or block. */
export interface CodeTarget {
  item: ContextItem;
  range: vscode.Range;
  /** e.g. "function add", or "selected code". */
  what: string;
}

function toSymbolRanges(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): SymbolRange[] {
  return symbols.map((s) => {
    const range = 'range' in s ? s.range : s.location.range;
    const kind = vscode.SymbolKind[s.kind]?.toLowerCase() ?? 'unknown';
    const children = 'children' in s ? toSymbolRanges(s.children) : [];
    return { kind, name: s.name, start: range.start.line, end: range.end.line, children };
  });
}

/**
 * The editor and code an editor command acts on, or why it cannot run (shown to the user):
 * no editor, no key (Set API Key offered), or no selection and no enclosing block.
 */
export async function commandTarget(
  keyCheck: KeyCheck,
  verb: string,
): Promise<{ ok: true; editor: vscode.TextEditor; target: CodeTarget } | { ok: false; message: string }> {
  const say = (message: string) => {
    void vscode.window.showInformationMessage(message);
    return { ok: false as const, message };
  };
  const editor = vscode.window.activeTextEditor;
  if (!editor) return say(`Open a file and select the code to ${verb}.`);
  if (!(await requireKey(keyCheck))) return { ok: false, message: 'No API key.' };
  const target = await codeTarget(editor);
  if (!target) return say(`Select the code to ${verb}, or put the cursor inside a function or block.`);
  return { ok: true, editor, target };
}

/** The key rule for the configured endpoint (core's keyProblem), bound to the settings and the key store. */
export type KeyCheck = () => Promise<KeyProblem | undefined>;

/** Says what is missing and offers Set API Key; true when a key is there (or not needed). */
export async function requireKey(keyCheck: KeyCheck): Promise<boolean> {
  const problem = await keyCheck();
  if (!problem) return true;
  showErrorWithAction(problem.message, problem.action);
  return false;
}

/** Resolves what to act on, or undefined when there is no selection and no enclosing block. */
export async function codeTarget(editor: vscode.TextEditor): Promise<CodeTarget | undefined> {
  const doc = editor.document;
  const path = vscode.workspace.asRelativePath(doc.uri);
  let range: vscode.Range | undefined;
  let what = 'selected code';
  if (!editor.selection.isEmpty) {
    range = new vscode.Range(editor.selection.start, editor.selection.end);
  } else {
    const line = editor.selection.active.line;
    const symbols = await Promise.resolve(
      vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri),
    ).catch(() => undefined);
    const symbol = symbols?.length ? innermostSymbol(toSymbolRanges(symbols), line) : undefined;
    const block = symbol ?? indentationBlock(doc.getText().split(/\r?\n/), line);
    if (!block) return undefined;
    if (symbol) what = `${symbol.kind} ${symbol.name}`;
    else what = 'block';
    range = new vscode.Range(block.start, 0, block.end, doc.lineAt(block.end).text.length);
  }
  const startLine = range.start.line + 1;
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
  return {
    range,
    what,
    item: { kind: 'selection', path, language: doc.languageId, startLine, endLine, text: doc.getText(range) },
  };
}
