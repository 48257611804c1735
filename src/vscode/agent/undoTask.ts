/**
 * Undo Task: the task card's button. Asks what to restore (files, conversation, both), lists the
 * files the user changed after the task did (an edited open editor counts) and asks before
 * overwriting them, then puts every file back in one step from the task's checkpoint and, if
 * asked, takes the conversation back to before the task.
 */
import * as vscode from 'vscode';
import type { CheckpointStore, CheckpointSummary, UndoResult } from '../../core/checkpoints';
import type { StoredTurn } from '../../core/chat/storedFormat';
import type { HostMessage } from '../../shared/protocol';

export interface TaskUndoDeps {
  store: () => Promise<CheckpointStore>;
  busy: () => boolean;
  turn: (turnId: string) => StoredTurn | undefined;
  rewind: (turnId: string) => Promise<boolean>;
  save: () => Promise<void>;
  post: (message: HostMessage) => void;
  notice: (level: 'info' | 'warning' | 'error', text: string) => void;
}

const CONVERSATION = 'Conversation removes the request and everything after it from the chat.';
const CHANGE_WORDS = { created: 'created', modified: 'changed', deleted: 'deleted' } as const;

function fileList(summary: CheckpointSummary): string {
  const lines = summary.files.slice(0, 12).map((f) => `${vscode.workspace.asRelativePath(f.path)} (${CHANGE_WORDS[f.change]})`);
  if (summary.files.length > 12) lines.push(`and ${summary.files.length - 12} more`);
  return lines.join('\n');
}

export async function undoTask(turnId: string, deps: TaskUndoDeps): Promise<void> {
  if (deps.busy()) return deps.notice('info', 'Stop the task (or wait for it to end) before undoing it.');
  const store = await deps.store();
  const summary = store.list().find((t) => t.taskId === turnId);
  const filesLeft = summary !== undefined && summary.undoneAt === undefined && summary.files.length > 0;
  const n = summary?.files.length ?? 0;
  const choice = await vscode.window.showWarningMessage(
    'Undo this task?',
    {
      modal: true,
      detail: filesLeft
        ? `Files puts back the ${n} file${n === 1 ? '' : 's'} it created, changed or deleted:\n${fileList(summary)}\n\n${CONVERSATION}`
        : `${summary ? 'Its files were already put back.' : 'Its files cannot be put back: only the last tasks are kept (grok.agent.checkpointsToKeep).'} ${CONVERSATION}`,
    },
    ...(filesLeft ? ['Files', 'Conversation', 'Both'] : ['Conversation']),
  );
  if (!choice) return;
  if (choice !== 'Conversation' && !(await restoreFiles(turnId, store, summary as CheckpointSummary, deps))) return;
  if (choice !== 'Files' && !(await deps.rewind(turnId))) deps.notice('warning', 'The conversation could not be taken back: this task is not in the open chat.');
}

/** Restores the task's files; false when the user said no or it failed (nothing changed then). */
async function restoreFiles(turnId: string, store: CheckpointStore, summary: CheckpointSummary, deps: TaskUndoDeps): Promise<boolean> {
  const paths = new Set(summary.files.map((f) => f.path));
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && paths.has(d.uri.fsPath));
  const changed = [...new Set([...(await store.conflicts(turnId)).map((c) => c.path), ...dirty.map((d) => d.uri.fsPath)])];
  if (changed.length) {
    const overwrite = await vscode.window.showWarningMessage(
      `You changed ${changed.length === 1 ? 'a file' : `${changed.length} files`} after the task did. Undo anyway?`,
      { modal: true, detail: `${changed.map((p) => vscode.workspace.asRelativePath(p)).join('\n')}\n\nUndo puts back what they held before the task; your later changes to them are lost.` },
      'Undo Anyway',
    );
    if (overwrite !== 'Undo Anyway') {
      deps.notice('info', 'Not undone: nothing changed.');
      return false;
    }
  }
  let result: UndoResult;
  try {
    result = await store.undo(turnId, { overwrite: changed.length > 0 });
  } catch (error) {
    deps.notice('error', `Undo Task failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (!result.ok) {
    deps.notice('warning', `Not undone: ${result.message}`);
    return false;
  }
  // Open editors with unsaved text of those files would hide what is on disk now: revert them.
  for (const doc of dirty) {
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  const turn = deps.turn(turnId);
  if (turn) {
    turn.taskUndo = { files: turn.taskUndo?.files ?? summary.files.length, undone: true };
    deps.post({ type: 'taskUndo', turnId, undo: { ...turn.taskUndo } });
    await deps.save();
  }
  const restored = result.files.filter((f) => f.action !== 'unchanged').length;
  deps.notice('info', `Task undone: ${restored} file${restored === 1 ? '' : 's'} put back as they were before it.`);
  return true;
}
