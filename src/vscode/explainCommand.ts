import * as vscode from 'vscode';
import { isXaiHost } from '../core/api';
import { redactSecrets } from '../core/chat/secrets';
import { explainPrompt } from '../core/prompts/explain';
import { renderTemplate, templateId } from '../core/prompts/template';
import type { ApiKeyStore } from './apiKeyStore';
import type { ChatController } from './chatController';
import type { ChatViewProvider } from './chatViewProvider';
import { codeTarget } from './editorContext';
import { showErrorWithAction } from './errorActions';
import { readSettings } from './settings';

export interface EditorCommandResult {
  ok: boolean;
  message?: string;
}

/** Says what is missing and offers Set API Key; true when a key is there (or not needed). */
export async function requireKey(keyStore: ApiKeyStore): Promise<boolean> {
  if (!isXaiHost(readSettings().baseUrl) || (await keyStore.has())) return true;
  showErrorWithAction('Grok needs an xAI API key first.', 'setApiKey');
  return false;
}

/**
 * "Grok: Explain Selection": the selection (or the enclosing function/block) goes to the chat with
 * the file's path and language; the answer streams into the Chat view.
 */
export async function explainSelection(deps: { keyStore: ApiKeyStore; chat: ChatController; chatView: ChatViewProvider }): Promise<EditorCommandResult> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    const message = 'Open a file and select the code to explain.';
    void vscode.window.showInformationMessage(message);
    return { ok: false, message };
  }
  if (!(await requireKey(deps.keyStore))) return { ok: false, message: 'No API key.' };
  const target = await codeTarget(editor);
  if (!target) {
    const message = 'Select the code to explain, or put the cursor inside a function or block.';
    void vscode.window.showInformationMessage(message);
    return { ok: false, message };
  }
  const { text, count } = redactSecrets(target.item.text, target.item.path);
  const item = { ...target.item, text };
  const prompt = renderTemplate(explainPrompt, {
    what: target.what,
    path: item.path,
    language: item.language ?? 'plain text',
    lines: `${item.startLine}-${item.endLine}`,
  });
  await deps.chatView.reveal();
  await deps.chat.send(prompt, [], { context: [item], chips: false, task: 'explain', template: templateId(explainPrompt) });
  return { ok: true, message: count ? `${count} secret(s) redacted` : undefined };
}
