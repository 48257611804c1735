/**
 * Refactor Selection and Fix with Grok, in the editor: progress with Cancel in a notification, the
 * engine's edit request (src/core/chat/engine/editRequest.ts), then the diff preview. Nothing is
 * written here. When nothing can apply, no diff opens: one sentence says why, and Grok's answer is
 * kept in the chat so the user can follow up.
 */
import * as vscode from 'vscode';
import { requestFileEdit, type EditRequestDeps, type EditRequestOutcome } from '../../core/chat/engine';
import { redactSecrets } from '../../core/chat/secrets';
import type { PromptTemplate } from '../../core/prompts/template';
import type { Task } from '../../core/router';
import type { ChatController } from '../chatController';
import { showErrorWithAction } from '../errorActions';
import type { EditFlow } from './editFlow';
import { showReviewStatus } from './reviewStatus';

export interface EditRequest {
  task: Task;
  template: PromptTemplate;
  values: Record<string, string>;
  document: vscode.TextDocument;
  /** Progress title, e.g. "Grok is refactoring…". */
  title: string;
  /** One line for the chat when the answer is kept there, e.g. "Refactor src/a.ts: extract a helper". */
  summary: string;
}

export interface EditRequestResult {
  ok: boolean;
  /** The proposal's session, when one was made (tests accept or reject it). */
  sessionId?: string;
  message: string;
}

export interface EditRequestHost extends EditRequestDeps {
  edits: EditFlow;
  chat: ChatController;
}

/** Asks for a structured edit of one file and previews it; cancelling or a failure leaves the file untouched. */
export async function requestEdits(deps: EditRequestHost, request: EditRequest): Promise<EditRequestResult> {
  const doc = request.document;
  const path = vscode.workspace.asRelativePath(doc.uri, false);
  const { text } = redactSecrets(doc.getText(), path);
  const outcome: EditRequestOutcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: request.title, cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return requestFileEdit(deps, { task: request.task, template: request.template, values: request.values, path, language: doc.languageId, fileText: text }, abort.signal);
    },
  );
  await deps.chat.postState(); // the header's session totals include this request

  if (outcome.kind === 'cancelled') return { ok: false, message: 'Cancelled; the file is unchanged.' };
  if (outcome.kind === 'error') {
    showErrorWithAction(`Grok: ${outcome.message}`, outcome.action);
    return { ok: false, message: outcome.message };
  }
  if (outcome.kind === 'noEdit') return keepInChat(deps, request, outcome.message, outcome.answer);

  const session = await deps.edits.propose(outcome.changes, request.task);
  const refused = session.files.flatMap((f) => f.plan?.refused.map((r) => r.message) ?? []);
  if (session.applicable.length === 0) {
    deps.edits.reject(session.id);
    const reason = refused[0] ?? 'it would change nothing';
    return keepInChat(deps, request, `Grok's edit of ${path} cannot be applied: ${reason}. The file is unchanged.`, outcome.answer);
  }
  await deps.edits.preview(session.id);
  const message = refused.length ? `Preview ready; ${refused.length} edit(s) cannot be applied: ${refused.join('; ')}` : 'Preview ready: Accept or Reject in the editor title bar.';
  showReviewStatus(deps.edits, session.id, `Review Grok's ${request.task} of ${path}`);
  return { ok: true, sessionId: session.id, message };
}

/** Nothing to preview: say why in one sentence and keep Grok's answer in the chat to follow up on. */
async function keepInChat(deps: EditRequestHost, request: EditRequest, message: string, answer: string): Promise<EditRequestResult> {
  if (answer.trim()) {
    await deps.chat.engine.addExchange(request.summary, answer, message);
    void vscode.window.showWarningMessage(`${message} Grok's answer is in the chat.`, 'Open Chat').then((choice) => {
      if (choice) void vscode.commands.executeCommand('grok.chat.focus');
    });
  } else {
    void vscode.window.showWarningMessage(message);
  }
  return { ok: false, message };
}
