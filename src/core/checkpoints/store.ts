/**
 * Checkpoints for Undo Task, as content snapshots: before a task first writes a file, that file's
 * bytes (or its absence) are kept under the extension's storage; after each write, the hash of
 * what the task left. Undo puts every file back as it was before the task, in one step, after
 * checking that nobody changed those files since the task did. The user's git repository and
 * index are never touched. Calls are serialised, so concurrent tool calls cannot interleave writes
 * to the index.
 */
import type { CheckpointFs } from './checkpointFs';
import { CHECKPOINTS_VERSION, checkpointIndexSchema, type CheckpointIndex, type TaskCheckpoint } from './schema';
import { changeOf, sameState, sha256, stateOf } from './fileStates';

/** What the user did to a file after the task's last write to it. */
export interface Conflict {
  path: string;
  /** `changed`: other bytes; `deleted`: gone; `created`: the task deleted it and it is back. */
  change: 'changed' | 'deleted' | 'created';
}

/** What undo did to one file. */
export interface RestoredFile {
  path: string;
  /** `restored`: old bytes written back; `deleted`: the task had created it; `unchanged`: already as before. */
  action: 'restored' | 'deleted' | 'unchanged';
}

export type UndoResult =
  | { ok: true; files: RestoredFile[] }
  | { ok: false; reason: 'conflicts'; conflicts: Conflict[]; message: string }
  | { ok: false; reason: 'unknown-task' | 'already-undone' | 'snapshot-missing'; message: string };

/** A task's checkpoint as the UI lists it. */
export interface CheckpointSummary {
  taskId: string;
  turnId: string;
  conversationId?: string;
  label?: string;
  createdAt: number;
  undoneAt?: number;
  files: { path: string; change: 'created' | 'modified' | 'deleted' }[];
}

/** Where the store keeps its index and blobs, and how many tasks it keeps. */
export interface CheckpointStoreOptions {
  /** A folder of the extension's own (global storage). */
  storageDir: string;
  /** Tasks kept; older ones are pruned when a new one begins (`grok.agent.checkpointsToKeep`). */
  keep: number;
  /** The clock (tests). */
  now?: () => number;
}

/** The checkpoint store; create it with {@link CheckpointStore.open}. */
export class CheckpointStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly fs: CheckpointFs,
    private readonly options: CheckpointStoreOptions,
    private index: CheckpointIndex,
    /** Why the index on disk could not be used, if it could not (it was set aside). */
    readonly loadProblem: string | undefined,
  ) {}

  /** Loads the index from `storageDir` (an unreadable one is kept aside as `checkpoints.invalid.json`). */
  static async open(fs: CheckpointFs, options: CheckpointStoreOptions): Promise<CheckpointStore> {
    const path = `${options.storageDir}/checkpoints.json`;
    const bytes = await fs.read(path);
    if (bytes === undefined) return new CheckpointStore(fs, options, { version: CHECKPOINTS_VERSION, tasks: [] }, undefined);
    let problem: string;
    try {
      const parsed = checkpointIndexSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) return new CheckpointStore(fs, options, parsed.data, undefined);
      problem = `checkpoints.json does not match version ${CHECKPOINTS_VERSION}: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    } catch (error) {
      problem = `checkpoints.json is not JSON: ${(error as Error).message}`;
    }
    await fs.write(`${options.storageDir}/checkpoints.invalid.json`, bytes);
    return new CheckpointStore(fs, { ...options }, { version: CHECKPOINTS_VERSION, tasks: [] }, problem);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private blobPath(hash: string): string {
    return `${this.options.storageDir}/blobs/${hash}`;
  }

  private async save(): Promise<void> {
    await this.fs.write(`${this.options.storageDir}/checkpoints.json`, Buffer.from(JSON.stringify(this.index)));
  }

  private task(taskId: string): TaskCheckpoint {
    const task = this.index.tasks.find((t) => t.taskId === taskId);
    if (!task) throw new Error(`No checkpoint for task ${taskId}: call beginTask first`);
    return task;
  }

  /** Starts (or finds) a task's checkpoint and prunes the oldest beyond `keep`. */
  beginTask(task: { taskId: string; turnId: string; conversationId?: string; label?: string }): Promise<void> {
    return this.serial(async () => {
      if (this.index.tasks.some((t) => t.taskId === task.taskId)) return;
      this.index.tasks.push({ ...task, createdAt: (this.options.now ?? Date.now)(), files: [] });
      await this.pruneNow(this.options.keep);
    });
  }

  /** Before a write: snapshots each path the task has not written yet (later calls for it do nothing). */
  recordBeforeWrite(taskId: string, paths: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const task = this.task(taskId);
      const fresh = [...new Set(paths)].filter((p) => !task.files.some((f) => f.path === p));
      if (fresh.length === 0) return;
      for (const path of fresh) {
        const bytes = await this.fs.read(path);
        const before = stateOf(bytes);
        if (bytes !== undefined && before.exists) await this.fs.write(this.blobPath(before.sha256), bytes);
        task.files.push({ path, before });
      }
      await this.save();
    });
  }

  /**
   * Like {@link recordBeforeWrite}, with the state before given rather than read now: a command's
   * changes are found after it ran, from a scan taken before (`bytes` undefined: the file did not exist).
   */
  recordKnownBefore(taskId: string, entries: readonly { path: string; bytes: Uint8Array | undefined }[]): Promise<void> {
    return this.serial(async () => {
      const task = this.task(taskId);
      let added = false;
      for (const { path, bytes } of entries) {
        if (task.files.some((f) => f.path === path)) continue;
        const before = stateOf(bytes);
        if (bytes !== undefined && before.exists) await this.fs.write(this.blobPath(before.sha256), bytes);
        task.files.push({ path, before });
        added = true;
      }
      if (added) await this.save();
    });
  }

  /** After a write: records what the task left in each path (to tell later changes by someone else). */
  recordAfterWrite(taskId: string, paths: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const task = this.task(taskId);
      for (const path of new Set(paths)) {
        const file = task.files.find((f) => f.path === path);
        if (!file) throw new Error(`${path} was written by task ${taskId} without recordBeforeWrite`);
        file.after = stateOf(await this.fs.read(path));
      }
      await this.save();
    });
  }

  private async conflictsOf(task: TaskCheckpoint): Promise<Conflict[]> {
    const found: Conflict[] = [];
    for (const file of task.files) {
      if (!file.after) continue;
      const now = stateOf(await this.fs.read(file.path));
      if (sameState(now, file.after)) continue;
      found.push({ path: file.path, change: !now.exists ? 'deleted' : file.after.exists ? 'changed' : 'created' });
    }
    return found;
  }

  /** Files changed by someone else since the task's last write to them: undo asks before overwriting these. */
  conflicts(taskId: string): Promise<Conflict[]> {
    return this.serial(async () => this.conflictsOf(this.task(taskId)));
  }

  /**
   * Restores every file the task created, changed or deleted to what it was before the task.
   * With conflicts and without `overwrite`, nothing is written and the conflicts are returned.
   * All snapshots are read first, and a failed write rolls back the ones already done.
   */
  undo(taskId: string, options: { overwrite?: boolean } = {}): Promise<UndoResult> {
    return this.serial(async () => {
      const task = this.index.tasks.find((t) => t.taskId === taskId);
      if (!task) return { ok: false, reason: 'unknown-task', message: 'This task has no checkpoint any more (only the last tasks are kept).' };
      if (task.undoneAt !== undefined) return { ok: false, reason: 'already-undone', message: 'This task was already undone.' };
      const conflicts = await this.conflictsOf(task);
      if (conflicts.length && !options.overwrite) {
        return { ok: false, reason: 'conflicts', conflicts, message: `Changed since the task wrote them: ${conflicts.map((c) => c.path).join(', ')}` };
      }
      const plan: { path: string; want: Uint8Array | undefined; now: Uint8Array | undefined }[] = [];
      for (const file of task.files) {
        const want = file.before.exists ? await this.fs.read(this.blobPath(file.before.sha256)) : undefined;
        if (file.before.exists && (want === undefined || sha256(want) !== file.before.sha256)) {
          return { ok: false, reason: 'snapshot-missing', message: `The saved copy of ${file.path} is missing or damaged; nothing was restored.` };
        }
        plan.push({ path: file.path, want, now: await this.fs.read(file.path) });
      }
      const files = await this.apply(plan);
      task.undoneAt = (this.options.now ?? Date.now)();
      await this.save();
      return { ok: true, files };
    });
  }

  private async apply(plan: { path: string; want: Uint8Array | undefined; now: Uint8Array | undefined }[]): Promise<RestoredFile[]> {
    const done: typeof plan = [];
    const files: RestoredFile[] = [];
    try {
      for (const step of plan) {
        if (sameState(stateOf(step.want), stateOf(step.now))) {
          files.push({ path: step.path, action: 'unchanged' });
          continue;
        }
        done.push(step);
        if (step.want === undefined) await this.fs.remove(step.path);
        else await this.fs.write(step.path, step.want);
        files.push({ path: step.path, action: step.want === undefined ? 'deleted' : 'restored' });
      }
    } catch (error) {
      for (const step of done.reverse()) {
        await (step.now === undefined ? this.fs.remove(step.path) : this.fs.write(step.path, step.now)).catch(() => undefined);
      }
      throw error;
    }
    return files;
  }

  private async pruneNow(keep: number): Promise<void> {
    const sorted = [...this.index.tasks].sort((a, b) => a.createdAt - b.createdAt);
    this.index.tasks = sorted.slice(Math.max(0, sorted.length - Math.max(1, keep)));
    await this.save();
    const used = new Set(this.index.tasks.flatMap((t) => t.files.flatMap((f) => (f.before.exists ? [f.before.sha256] : []))));
    for (const name of await this.fs.list(`${this.options.storageDir}/blobs`)) {
      if (!used.has(name)) await this.fs.remove(this.blobPath(name));
    }
  }

  /** Keeps only the newest `keep` tasks (at least one) and deletes snapshots no task needs. */
  prune(keep: number = this.options.keep): Promise<void> {
    return this.serial(() => this.pruneNow(keep));
  }

  /** The kept checkpoints, newest first, with what each task did to its files. */
  list(): CheckpointSummary[] {
    return [...this.index.tasks]
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((t) => ({
        taskId: t.taskId,
        turnId: t.turnId,
        conversationId: t.conversationId,
        label: t.label,
        createdAt: t.createdAt,
        undoneAt: t.undoneAt,
        files: t.files.flatMap((f) => {
          const change = changeOf(f);
          return change ? [{ path: f.path, change }] : [];
        }),
      }));
  }
}
