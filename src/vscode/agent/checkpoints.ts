/**
 * Opens the checkpoint store in the extension's global storage (so Undo Task survives a reload
 * and a window switch), with `grok.agent.checkpointsToKeep`.
 */
import type * as vscode from 'vscode';
import { CheckpointStore, nodeCheckpointFs } from '../../core/checkpoints';

/**
 * The store under `globalStorageUri` (the extension context's). Files are read and written on disk
 * directly: VS Code reloads an open editor whose file changed on disk unless it has unsaved
 * changes, so check `workspace.textDocuments` for dirty ones before undoing.
 */
export function openCheckpointStore(globalStorageUri: vscode.Uri, keep: number): Promise<CheckpointStore> {
  return CheckpointStore.open(nodeCheckpointFs, { storageDir: `${globalStorageUri.fsPath}/checkpoints`, keep });
}
