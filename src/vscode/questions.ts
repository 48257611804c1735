import * as vscode from 'vscode';
import type { EngineQuestions } from '../core/chat/engine';

/**
 * The engine's questions as VS Code shows them: the budget as a modal (Send Anyway), warnings as
 * toasts that are not awaited (a toast's promise settles only when it is dismissed).
 * `confirmEndpoint` comes from the host-trust adapter.
 */
export function vscodeQuestions(confirmEndpoint?: EngineQuestions['confirmEndpoint']): EngineQuestions {
  return {
    async confirmBudget(message) {
      return (await vscode.window.showWarningMessage(message, { modal: true }, 'Send Anyway')) === 'Send Anyway';
    },
    warn(message) {
      void vscode.window.showWarningMessage(message);
    },
    confirmEndpoint,
  };
}
