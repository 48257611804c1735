/**
 * While a Refactor / Fix proposal waits in its diff, a status-bar entry says so and reopens the
 * diff on click. It goes away by itself once the proposal is accepted or rejected, from wherever:
 * a notification could not (VS Code cannot close one), so it would still offer Accept after Reject.
 */
import * as vscode from 'vscode';
import type { EditFlow } from './editFlow';

export function showReviewStatus(edits: EditFlow, sessionId: string, label: string): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('grok.review', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Grok: proposal to review';
  item.text = `$(diff) ${label}`;
  item.tooltip = 'Grok proposal waiting: Accept or Reject in the diff title bar. Click to show the diff.';
  item.command = { title: 'Show the diff', command: 'grok.previewEdits', arguments: [sessionId] };
  item.show();
  const watch = edits.onDidChange((report) => {
    if (report.sessionId === sessionId && report.status !== 'proposed') done.dispose();
  });
  const done = vscode.Disposable.from(item, watch);
  return done;
}
