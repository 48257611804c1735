/** Edit cards from the fake model, and the files they touch (extension-tier tests). */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { EditCardView } from '../../src/shared/protocol';
import { activateExtension, answerWarnings } from './helpers';

export function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, path);
}

export async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Runs `body` with warnings (and modals) answered by `answer`; returns what it resolved to and what was asked. */
export async function withAnswer<T>(answer: string | undefined, body: () => Thenable<T>): Promise<{ value: T; shown: { message: string; modal: boolean }[] }> {
  const watch = answerWarnings(answer);
  try {
    return { value: await body(), shown: watch.shown };
  } finally {
    watch.restore();
  }
}

/** Has the fake model answer with a whole-file block for `path` (and `more` files); returns the answer's edit card. */
export async function cardFor(path: string, content: string, more: Record<string, string> = {}): Promise<EditCardView> {
  const api = await activateExtension();
  const blocks = Object.entries({ [path]: content, ...more }).map(([p, c]) => `\`\`\`json path=${p}\n${c}\`\`\`\n`);
  await api.sendChatMessage(`[scenario:echo] Here you go.\n\n${blocks.join('\n')}`);
  const turn = api.lastTurn();
  assert.equal(turn?.status, 'done', turn?.error?.message);
  const card = turn?.edits?.[0];
  assert.ok(card, 'the answer carries an edit card');
  assert.equal(card.files[0]?.path, path);
  return card;
}
