/**
 * The checkpoint index on disk (`checkpoints.json` in the extension's global storage): its own
 * versioned zod schema, validated on load. File contents live beside it as blobs named by their
 * SHA-256, so two tasks snapshotting the same bytes store them once.
 *
 * A new optional field needs no version bump; anything else bumps {@link CHECKPOINTS_VERSION}
 * (an index of another version is set aside and the store starts empty, never misread).
 */
import * as z from 'zod';

/** The version this release writes. */
export const CHECKPOINTS_VERSION = 1;

/** What a file was at one moment: absent, or bytes with this SHA-256 (hex). */
export const fileStateSchema = z.union([z.object({ exists: z.literal(false) }), z.object({ exists: z.literal(true), sha256: z.string().regex(/^[0-9a-f]{64}$/) })]);
export type FileState = z.infer<typeof fileStateSchema>;

/** One file a task wrote: before its first write (bytes kept as a blob), after its last (hash only). */
export const trackedFileSchema = z.object({
  path: z.string().min(1),
  before: fileStateSchema,
  /** Unknown until the first write finished (a crash between the two leaves it out). */
  after: fileStateSchema.optional(),
});
export type TrackedFile = z.infer<typeof trackedFileSchema>;

export const taskCheckpointSchema = z.object({
  taskId: z.string().min(1),
  /** The conversation turn the task started from, for restoring the conversation too. */
  turnId: z.string(),
  conversationId: z.string().optional(),
  label: z.string().optional(),
  createdAt: z.number(),
  /** Set once the task was undone: its files are as they were before it. */
  undoneAt: z.number().optional(),
  files: z.array(trackedFileSchema),
});
export type TaskCheckpoint = z.infer<typeof taskCheckpointSchema>;

export const checkpointIndexSchema = z.object({
  version: z.literal(CHECKPOINTS_VERSION),
  tasks: z.array(taskCheckpointSchema),
});
export type CheckpointIndex = z.infer<typeof checkpointIndexSchema>;
