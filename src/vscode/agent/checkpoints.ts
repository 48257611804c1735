/**
 * Opens the checkpoint store in the extension's global storage (so Undo Task survives a reload
 * and a window switch), with `grok.agent.checkpointsToKeep`.
 */
import type * as vscode from 'vscode';
import { CheckpointStore, nodeCheckpointFs } from '../../core/checkpoints';

/**
 * The store for this extension host. Files are read and written on disk directly: VS Code reloads
 * an open editor whose file changed on disk unless it has unsaved changes (check those first).
 */
export function openCheckpointStore(context: vscode.ExtensionContext, keep: number): Promise<CheckpointStore> {
  return CheckpointStore.open(nodeCheckpointFs, { storageDir: `${context.globalStorageUri.fsPath}/checkpoints`, keep });
}
