import * as vscode from 'vscode';

/** The lightbulb: "Explain with Grok" on a selection, "Fix with Grok" on each diagnostic in range. */
export class GrokCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Empty];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics.slice(0, 3)) {
      const short = diagnostic.message.split('\n')[0]?.slice(0, 60) ?? '';
      const fix = new vscode.CodeAction(`Fix with Grok: ${short}`, vscode.CodeActionKind.QuickFix);
      fix.diagnostics = [diagnostic];
      fix.command = { command: 'grok.fixDiagnostic', title: 'Fix with Grok', arguments: [document.uri, diagnostic] };
      actions.push(fix);
    }
    if (!range.isEmpty) {
      const explain = new vscode.CodeAction('Explain with Grok', vscode.CodeActionKind.Empty);
      explain.command = { command: 'grok.explainSelection', title: 'Explain with Grok' };
      actions.push(explain);
    }
    return actions;
  }
}
