import * as vscode from 'vscode';
import { isGrokApiError } from '../core/api';
import { redactSecrets } from '../core/chat/secrets';
import { combineProposals, extractProposals, parseProposeEditsArgs, PROPOSE_EDITS_TOOL_NAME, proposeEditsTool, type FileChange } from '../core/edits';
import type { Logger } from '../core/log';
import { buildEditTaskMessages } from '../core/prompts/editTask';
import { templateId, type PromptTemplate } from '../core/prompts/template';
import { routeModel, type Task } from '../core/router';
import type { ClientProvider } from './clientProvider';
import type { EditFlow } from './edits/editFlow';
import { showErrorWithAction } from './errorActions';
import { readSettings } from './settings';

export interface EditRequest {
  task: Task;
  template: PromptTemplate;
  values: Record<string, string>;
  document: vscode.TextDocument;
  /** Progress title, e.g. "Grok is refactoring…". */
  title: string;
}

export interface EditRequestResult {
  ok: boolean;
  /** The proposal's session, when one was made (tests accept or reject it). */
  sessionId?: string;
  message: string;
}

/** Keeps only changes to `path`: the request was limited to that file. */
function onlyFile(changes: FileChange[], path: string): { kept: FileChange[]; dropped: string[] } {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  const kept = changes.filter((c) => norm(c.path) === norm(path));
  return { kept, dropped: changes.filter((c) => !kept.includes(c)).map((c) => c.path) };
}

/**
 * Asks the model for a structured edit of one file (Refactor Selection, Fix with Grok), with
 * progress and Cancel in a notification, then opens the diff preview. Nothing is written here;
 * cancelling or a failure leaves the file untouched.
 */
export async function requestEdits(
  deps: { clients: ClientProvider; edits: EditFlow; logger: Logger },
  request: EditRequest,
): Promise<EditRequestResult> {
  const settings = readSettings();
  const doc = request.document;
  const path = vscode.workspace.asRelativePath(doc.uri, false);
  const { text } = redactSecrets(doc.getText(), path);
  const messages = buildEditTaskMessages({ template: request.template, values: request.values, path, language: doc.languageId, fileText: text });
  const route = routeModel({ task: request.task, hasImages: false, size: text.length }, settings);
  const tool = proposeEditsTool();

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: request.title, cancellable: true },
    async (_progress, token): Promise<{ changes: FileChange[] } | { error: string; action?: 'setApiKey' | 'retry' | 'chooseModel' | 'openSettings' } | { cancelled: true }> => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let answer = '';
      const calls: string[] = [];
      try {
        const stream = deps.clients.get().stream(
          { model: route.model, messages, tools: [tool], toolChoice: { name: PROPOSE_EDITS_TOOL_NAME }, maxOutputTokens: settings.maxOutputTokens },
          abort.signal,
        );
        for await (const event of stream) {
          if (event.type === 'start') {
            deps.logger.info(`${request.task}: prompt ${templateId(request.template)}, model ${route.model} (${route.reason}), request ${event.requestId}`);
          } else if (event.type === 'text') answer += event.text;
          else if (event.type === 'toolCallEnd' && event.name === PROPOSE_EDITS_TOOL_NAME) calls.push(event.arguments);
        }
      } catch (error) {
        if (isGrokApiError(error) && error.kind === 'cancelled') return { cancelled: true };
        return isGrokApiError(error) ? { error: error.message, action: error.action } : { error: String(error) };
      }
      const changes: FileChange[] = [];
      const problems: string[] = [];
      for (const call of calls) {
        const parsed = parseProposeEditsArgs(call);
        if (parsed.ok) changes.push(...parsed.files);
        else problems.push(parsed.error);
      }
      if (calls.length === 0) changes.push(...combineProposals(extractProposals(answer).proposals));
      if (changes.length === 0) {
        return { error: problems.length ? `Grok's edit could not be read: ${problems[0]}` : 'Grok answered without proposing an edit. Try rephrasing the request.' };
      }
      return { changes };
    },
  );

  if ('cancelled' in outcome) return { ok: false, message: 'Cancelled; the file is unchanged.' };
  if ('error' in outcome) {
    showErrorWithAction(`Grok: ${outcome.error}`, outcome.action ?? 'retry');
    return { ok: false, message: outcome.error };
  }
  const { kept, dropped } = onlyFile(outcome.changes, path);
  if (dropped.length) deps.logger.warn(`${request.task}: ignored edits to other files (${dropped.join(', ')}); the request was limited to ${path}.`);
  if (kept.length === 0) {
    const message = `Grok proposed edits to other files (${dropped.join(', ')}) instead of ${path}; nothing to preview.`;
    void vscode.window.showWarningMessage(message);
    return { ok: false, message };
  }
  const session = await deps.edits.propose(kept, request.task);
  await deps.edits.preview(session.id);
  const refused = session.files.flatMap((f) => f.plan?.refused.map((r) => r.message) ?? []);
  const message = refused.length ? `Preview ready; ${refused.length} edit(s) cannot be applied: ${refused.join('; ')}` : 'Preview ready: Accept or Reject in the editor title bar.';
  if (!refused.length) {
    void vscode.window.showInformationMessage(`Grok's ${request.task} of ${path} is ready to review.`, 'Accept', 'Reject').then((choice) => {
      if (choice === 'Accept') void vscode.commands.executeCommand('grok.acceptEdits', session.id);
      else if (choice === 'Reject') void vscode.commands.executeCommand('grok.rejectEdits', session.id);
    });
  }
  return { ok: true, sessionId: session.id, message };
}
