import { redactSecrets } from '../core/chat/secrets';
import { explainPrompt } from '../core/prompts/explain';
import { renderTemplate, templateId } from '../core/prompts/template';
import type { ChatController } from './chatController';
import type { ChatViewProvider } from './chatViewProvider';
import { commandTarget, type KeyCheck } from './editorContext';

export interface EditorCommandResult {
  ok: boolean;
  message?: string;
}

/**
 * "Grok: Explain Selection": the selection (or the enclosing function/block) goes to the chat with
 * the file's path and language; the answer streams into the Chat view.
 */
export async function explainSelection(deps: { keyCheck: KeyCheck; chat: ChatController; chatView: ChatViewProvider }): Promise<EditorCommandResult> {
  const resolved = await commandTarget(deps.keyCheck, 'explain');
  if (!resolved.ok) return resolved;
  const { target } = resolved;
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
