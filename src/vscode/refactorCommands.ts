import * as vscode from 'vscode';
import { fixPrompt, refactorPrompt } from '../core/prompts/editTask';
import { commandTarget, requireKey, type KeyCheck } from './editorContext';
import { requestEdits, type EditRequestHost, type EditRequestResult } from './edits/editRequest';

const RECENT = 'grok.recentRefactorInstructions';
const MAX_RECENT = 10;

export interface RefactorDeps extends EditRequestHost {
  keyCheck: KeyCheck;
  globalState: vscode.Memento;
}

/** Asks for an instruction, offering recent ones; undefined when cancelled. */
async function askInstruction(globalState: vscode.Memento): Promise<string | undefined> {
  const recent = globalState.get<string[]>(RECENT, []);
  const pick = vscode.window.createQuickPick();
  pick.title = 'Grok: Refactor Selection';
  pick.placeholder = 'What should change? e.g. "extract a helper", "use async/await" (recent instructions below)';
  pick.items = recent.map((label) => ({ label, description: 'recent' }));
  pick.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      pick.dispose();
      resolve(value?.trim() || undefined);
    };
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.label ?? pick.value));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

async function remember(globalState: vscode.Memento, instruction: string): Promise<void> {
  const recent = globalState.get<string[]>(RECENT, []).filter((i) => i !== instruction);
  await globalState.update(RECENT, [instruction, ...recent].slice(0, MAX_RECENT));
}

/**
 * "Grok: Refactor Selection…": an instruction (argument, or asked), a structured edit of the
 * selection's file, and the diff preview with Accept / Reject.
 */
export async function refactorSelection(deps: RefactorDeps, instructionArg?: unknown): Promise<EditRequestResult> {
  const resolved = await commandTarget(deps.keyCheck, 'refactor');
  if (!resolved.ok) return { ok: false, message: resolved.message };
  const { editor, target } = resolved;
  const instruction = typeof instructionArg === 'string' && instructionArg.trim() ? instructionArg.trim() : await askInstruction(deps.globalState);
  if (!instruction) return { ok: false, message: 'Cancelled; the file is unchanged.' };
  await remember(deps.globalState, instruction);
  return requestEdits(deps, {
    task: 'refactor',
    template: refactorPrompt,
    values: { what: target.what, lines: `${target.item.startLine}-${target.item.endLine}`, instruction },
    document: editor.document,
    title: 'Grok is refactoring…',
    summary: `Refactor ${target.item.path}:${target.item.startLine}-${target.item.endLine}: ${instruction}`,
  });
}

/** "Fix with Grok" on a diagnostic (from the lightbulb, or with a document and diagnostic). */
export async function fixDiagnostic(deps: RefactorDeps, uriArg?: unknown, diagnosticArg?: unknown): Promise<EditRequestResult> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return { ok: false, message: 'Open the file with the problem.' };
  const doc = await vscode.workspace.openTextDocument(uri);
  const diagnostic =
    diagnosticArg instanceof vscode.Diagnostic
      ? diagnosticArg
      : vscode.languages.getDiagnostics(uri).find((d) => !vscode.window.activeTextEditor || d.range.contains(vscode.window.activeTextEditor.selection.active));
  if (!diagnostic) {
    const message = 'Put the cursor on a problem (a squiggle) to fix it with Grok.';
    void vscode.window.showInformationMessage(message);
    return { ok: false, message };
  }
  if (!(await requireKey(deps.keyCheck))) return { ok: false, message: 'No API key.' };
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const source = diagnostic.source ? ` by ${diagnostic.source}${code !== undefined ? `(${code})` : ''}` : '';
  return requestEdits(deps, {
    task: 'fix',
    template: fixPrompt,
    values: {
      line: String(diagnostic.range.start.line + 1),
      column: String(diagnostic.range.start.character + 1),
      source,
      message: diagnostic.message,
      lineText: doc.lineAt(diagnostic.range.start.line).text,
    },
    document: doc,
    title: 'Grok is fixing the problem…',
    summary: `Fix ${vscode.workspace.asRelativePath(uri, false)}:${diagnostic.range.start.line + 1}: ${diagnostic.message.split('\n')[0] ?? ''}`,
  });
}
