/**
 * Checkpoints taken around an agent task's writes, for Undo Task. An edit names its files, so they
 * are snapshotted just before it. A command may change anything, so before it runs the workspace's
 * files (ignored ones left out) are listed and read into memory, within limits; after it, a second
 * listing with file sizes and times finds what it created, changed or deleted, and only those go
 * into the checkpoint. Reads are reused while a file's size and time stay the same, so only a
 * task's first command reads the workspace.
 */
import type { TaskWrites, WriteScope } from '../agent/agentToolbox';
import type { CheckpointFs } from './checkpointFs';
import type { CheckpointStore } from './store';

/** The workspace as a command's scan sees it. */
export interface WorkspaceFiles {
  /** Absolute paths of the workspace's files, ignored files left out, at most `max`. */
  list(max: number): Promise<string[]>;
  /** Size and modification time, or undefined when the file is gone. */
  stat(path: string): Promise<{ size: number; mtimeMs: number } | undefined>;
}

/** How much a command's scan may hold. Files beyond these are not covered by Undo Task. */
export interface ScanLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 20_000, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

interface Scanned {
  size: number;
  mtimeMs: number;
  /** Undefined when the file was beyond the limits. */
  bytes?: Uint8Array;
}

/** What a task's checkpoint is labelled with (the conversation it belongs to, its request). */
export type TaskInfo = (turnId: string) => { conversationId?: string; label?: string };

export class TaskCheckpoints implements TaskWrites {
  /** The last scan, for the task it was taken in. */
  private cache: { taskId: string; files: Map<string, Scanned> } | undefined;
  /** Files a command changed that Undo Task cannot restore (too large, or too many files), per task. */
  private readonly uncovered = new Map<string, Set<string>>();

  constructor(
    private readonly open: () => Promise<CheckpointStore>,
    private readonly files: WorkspaceFiles,
    private readonly fs: Pick<CheckpointFs, 'read'>,
    private readonly info: TaskInfo,
    private readonly limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  ) {}

  async before(turnId: string, scope: WriteScope): Promise<() => Promise<{ files: number } | undefined>> {
    const store = await this.open();
    await store.beginTask({ taskId: turnId, turnId, ...this.info(turnId) });
    if (scope.kind === 'edit') {
      await store.recordBeforeWrite(turnId, scope.paths);
      return async () => {
        await store.recordAfterWrite(turnId, scope.paths);
        // The next command's scan must read these again.
        for (const p of scope.paths) this.cache?.files.delete(p);
        return this.summary(store, turnId);
      };
    }
    const before = await this.scan(turnId);
    return async () => {
      await this.recordCommandChanges(store, turnId, before);
      return this.summary(store, turnId);
    };
  }

  /** Files the task changed so far (what Undo Task would put back). */
  private summary(store: CheckpointStore, turnId: string): { files: number } | undefined {
    const task = store.list().find((t) => t.taskId === turnId);
    return task?.files.length ? { files: task.files.length } : undefined;
  }

  /** Paths a command of the task changed that Undo Task will not restore. */
  notCovered(turnId: string): string[] {
    return [...(this.uncovered.get(turnId) ?? [])];
  }

  private async scan(taskId: string): Promise<Map<string, Scanned>> {
    const previous = this.cache?.taskId === taskId ? this.cache.files : new Map<string, Scanned>();
    const paths = await this.files.list(this.limits.maxFiles);
    const stats = await inBatches(paths, (p) => this.files.stat(p));
    const files = new Map<string, Scanned>();
    const toRead: string[] = [];
    let total = 0;
    paths.forEach((path, i) => {
      const stat = stats[i];
      if (!stat) return;
      const known = previous.get(path);
      if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.bytes) {
        files.set(path, known);
        total += known.bytes.byteLength;
        return;
      }
      files.set(path, { ...stat });
      // Within the limits, in listing order: the same files are covered every run.
      if (stat.size <= this.limits.maxFileBytes && total + stat.size <= this.limits.maxTotalBytes) {
        toRead.push(path);
        total += stat.size;
      }
    });
    const read = await inBatches(toRead, (p) => this.fs.read(p));
    toRead.forEach((path, i) => {
      const entry = files.get(path);
      if (entry && read[i]) entry.bytes = read[i];
    });
    this.cache = { taskId, files };
    return files;
  }

  private async recordCommandChanges(store: CheckpointStore, taskId: string, before: Map<string, Scanned>): Promise<void> {
    const now = new Set(await this.files.list(this.limits.maxFiles));
    const changes: { path: string; bytes: Uint8Array | undefined }[] = [];
    const skipped = this.uncovered.get(taskId) ?? new Set<string>();
    for (const path of now) if (!before.has(path)) changes.push({ path, bytes: undefined });
    // `before` may be the cache itself: work on a copy, as changed files leave the cache.
    const was = [...before];
    const stats = await inBatches(was, ([path]) => this.files.stat(path));
    was.forEach(([path, old], i) => {
      const stat = stats[i];
      if (stat && stat.size === old.size && stat.mtimeMs === old.mtimeMs) return;
      if (old.bytes) changes.push({ path, bytes: old.bytes });
      else skipped.add(path);
      this.cache?.files.delete(path);
    });
    if (skipped.size) this.uncovered.set(taskId, skipped);
    if (changes.length === 0) return;
    await store.recordKnownBefore(taskId, changes);
    await store.recordAfterWrite(taskId, changes.map((c) => c.path));
  }
}

/** Files looked at side by side: enough to hide the file system's latency, few enough to keep descriptors free. */
const BATCH = 64;

/** `work` over `items`, {@link BATCH} at a time, results in order. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(work))));
  return out;
}
