/**
 * Undo Task: {@link CheckpointStore} keeps content snapshots of the files a task writes (see
 * store.ts for why snapshots and not a shadow git repository); {@link UNDO_SCOPES} is the choice
 * the task card offers.
 */
export { CheckpointStore, type CheckpointStoreOptions, type CheckpointSummary, type Conflict, type RestoredFile, type UndoResult } from './store';
export { nodeCheckpointFs, type CheckpointFs } from './checkpointFs';
export { CHECKPOINTS_VERSION, type FileState, type TaskCheckpoint } from './schema';
export { DEFAULT_SCAN_LIMITS, TaskCheckpoints, type ScanLimits, type TaskInfo, type WorkspaceFiles } from './taskCheckpoints';

/** What Undo Task can restore: the engine rewinds the conversation to the checkpoint's `turnId`. */
export const UNDO_SCOPES = [
  { id: 'files', label: 'Files', detail: 'Put back every file the task created, changed or deleted.' },
  { id: 'conversation', label: 'Conversation', detail: 'Remove the task and what came after it from the chat.' },
  { id: 'both', label: 'Both', detail: 'Restore the files and the conversation.' },
] as const;

/** One of {@link UNDO_SCOPES}. */
export type UndoScope = (typeof UNDO_SCOPES)[number]['id'];
