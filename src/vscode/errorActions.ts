import * as vscode from 'vscode';
import { XAI_BILLING_URL, type SuggestedAction } from '../core/api';

/** Button label and command (or web page) for each action an error can suggest. */
const ACTIONS: Record<Exclude<SuggestedAction, 'retry'>, { label: string; command?: string; args?: unknown[]; url?: string }> = {
  setApiKey: { label: 'Set API Key', command: 'grok.setApiKey' },
  chooseModel: { label: 'Choose Model', command: 'workbench.action.openSettings', args: ['grok.model'] },
  openSettings: { label: 'Open Settings', command: 'grok.openSettings' },
  openBilling: { label: 'Open xAI Console', url: XAI_BILLING_URL },
};

/**
 * Shows an error notification with the suggested action as a button (and Retry when given).
 * Not awaited by callers: the promise only settles when the toast is dismissed.
 */
export function showErrorWithAction(message: string, action: SuggestedAction | undefined, retry?: () => unknown): void {
  const buttons: string[] = [];
  if (action === 'retry' && retry) buttons.push('Retry');
  else if (action && action !== 'retry') buttons.push(ACTIONS[action].label);
  buttons.push('Show Logs');
  void vscode.window.showErrorMessage(message, ...buttons).then((choice) => {
    if (!choice) return;
    if (choice === 'Retry') return retry?.();
    if (choice === 'Show Logs') return vscode.commands.executeCommand('grok.showLogs');
    const target = Object.values(ACTIONS).find((a) => a.label === choice);
    if (target?.url) return vscode.env.openExternal(vscode.Uri.parse(target.url));
    if (target?.command) return vscode.commands.executeCommand(target.command, ...(target.args ?? []));
    return undefined;
  });
}
