/**
 * A file's state as a checkpoint records it (absent, or a SHA-256 of its bytes) and what a task
 * did to a file, from its states before and after.
 */
import { createHash } from 'node:crypto';
import type { FileState, TrackedFile } from './schema';

/** The SHA-256 of `bytes`, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a read found: absent (`undefined`) or bytes with their hash. */
export function stateOf(bytes: Uint8Array | undefined): FileState {
  return bytes === undefined ? { exists: false } : { exists: true, sha256: sha256(bytes) };
}

/** Whether two states are the same file contents (or both absent). */
export function sameState(a: FileState, b: FileState): boolean {
  return a.exists === b.exists && (!a.exists || (b.exists && a.sha256 === b.sha256));
}

/** What a task did to a file, or undefined when it left it as it was. */
export function changeOf(file: TrackedFile): 'created' | 'modified' | 'deleted' | undefined {
  const after = file.after;
  if (!after || sameState(file.before, after)) return undefined;
  return !file.before.exists ? 'created' : after.exists ? 'modified' : 'deleted';
}
