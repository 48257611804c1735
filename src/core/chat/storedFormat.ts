/**
 * The conversation format on disk: its own zod schema and version, independent of the webview
 * protocol (`turnView()` in ./conversation maps a stored turn to what the view shows), so the
 * protocol can change without changing what is on disk. A file is validated field by field on load.
 *
 * How to change it:
 * - A new optional field (a turn's citation sources, a tool-call record…): add it to the schema
 *   below. No version bump and no migration: older files lack it and still validate; an older
 *   release reading a newer file drops what it does not know.
 * - Renaming, retyping or removing a field, or a new required one: bump {@link STORED_VERSION},
 *   freeze the old version's schema as `conversationV<N>Schema`, add its step to `MIGRATIONS`, and
 *   commit a file written by the old release under `test/fixtures/history/v<N>/`.
 */
import * as z from 'zod';

/** The version this release writes. */
export const STORED_VERSION = 2;

const usageSchema = z.object({
  /** The model the response says served it (may differ from the one asked for). */
  model: z.string(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  reasoningTokens: z.number(),
  cachedTokens: z.number(),
  totalTokens: z.number(),
  /** Estimated cost in USD, when known. */
  costUsd: z.number().optional(),
  latencyMs: z.number().optional(),
  /** Server-side tool calls billed (web, X, code, other) and their share of the cost. */
  serverToolCalls: z.object({ webSearch: z.number(), xSearch: z.number(), codeExecution: z.number(), other: z.number() }).optional(),
  serverToolCostUsd: z.number().optional(),
});

/** A server-side tool card: a search or a code run on xAI's side (untrusted text). */
const serverToolCardSchema = z.object({
  id: z.string(),
  kind: z.enum(['webSearch', 'xSearch', 'codeExecution', 'other']),
  name: z.string().optional(),
  status: z.enum(['running', 'completed', 'failed']),
  query: z.string().optional(),
  code: z.string().optional(),
  output: z.string().optional(),
});

/** A numbered source the answer cited (or only read). */
const sourceSchema = z.object({ n: z.number().int(), url: z.string(), domain: z.string(), title: z.string().optional(), cited: z.boolean() });

const errorSchema = z.object({
  /** Already scrubbed of secrets; shown as is. */
  message: z.string(),
  /** The button that fixes it. */
  action: z.enum(['retry', 'setApiKey', 'chooseModel', 'openSettings', 'openBilling']).optional(),
});

/** A context chip of a user message. Image data (and thumbnails) are never stored. */
const attachmentSchema = z.object({
  id: z.string(),
  kind: z.enum(['file', 'selection', 'image']),
  /** Short label, e.g. `app.ts:10-24`. */
  label: z.string(),
  /** Tooltip: full path, token estimate. */
  detail: z.string().optional(),
  /** Number of secrets redacted from this context before sending. */
  redactions: z.number().optional(),
});

/** Context that was sent with a user message, kept so later turns resend exactly the same thing. */
const sentContextSchema = z.object({
  /** The `<context>` block as sent (secrets already redacted). */
  text: z.string(),
  /** Number of images sent with the message (their data is not stored). */
  images: z.number().int().min(0),
});

/** A tool call as the model made it (sent back with the history). */
const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** JSON text, exactly as the model produced it. */
  arguments: z.string(),
});

/** The result of a tool call that ran inside the turn. */
const toolResultSchema = z.object({ toolCallId: z.string(), content: z.string() });

/** A proposed change to one file, as stored to be planned again after a reload. */
const fileChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('edits'),
    path: z.string(),
    edits: z.array(z.object({ search: z.string(), replace: z.string(), line: z.number().optional() })),
  }),
  z.object({ kind: z.literal('whole'), path: z.string(), content: z.string() }),
]);

/** An edit card: what the card shows, the proposal itself and the result for the model. */
const editCardSchema = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'applied', 'rejected', 'refused', 'undone']),
  files: z.array(
    z.object({
      path: z.string(),
      added: z.number(),
      removed: z.number(),
      /** Why edits of this file cannot be applied. */
      refused: z.array(z.string()),
    }),
  ),
  /** The result in one line, e.g. "Applied 2 edits to src/a.ts.". */
  message: z.string().optional(),
  /** Why, in the model's words (propose_edits' `reason`). */
  reason: z.string().optional(),
  changes: z.array(fileChangeSchema),
  /** The propose_edits call this card answers, when it came from a tool call. */
  toolCallId: z.string().optional(),
  /** What happened, in words for the model's next turn (set once applied, rejected or refused). */
  feedback: z.string().optional(),
});

/**
 * An agent tool call as its card shows it: the tool, its key argument, how it ended, and the result
 * the model got (capped; untrusted text). `waiting` and `running` on disk mean the window closed
 * mid-step (shown as failed on load).
 */
const toolCardSchema = z.object({
  id: z.string(),
  tool: z.string(),
  arg: z.string(),
  status: z.enum(['waiting', 'running', 'done', 'failed', 'denied']),
  durationMs: z.number().optional(),
  result: z.string().optional(),
  /** While waiting: what the user is asked. */
  question: z.string().optional(),
  /** While waiting: the facts beside the question (a command, its folder, the part that asks). */
  details: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  /** While waiting: "Allow for this task" is not offered (a dangerous command asks every time). */
  noTaskGrant: z.boolean().optional(),
});

/** An agent task that wrote files: how many it changed, and whether Undo Task put them back. */
const taskUndoSchema = z.object({ files: z.number().int(), undone: z.boolean().optional() });

const turnSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  /** Markdown (assistant) or plain text (user). */
  text: z.string(),
  reasoning: z.string().optional(),
  /** `streaming` on disk means the window closed mid-answer (shown as incomplete on load). */
  status: z.enum(['streaming', 'done', 'stopped', 'error', 'incomplete']),
  usage: usageSchema.optional(),
  error: errorSchema.optional(),
  attachments: z.array(attachmentSchema).optional(),
  /** A note shown above the turn, e.g. "12 older messages were left out to fit the context". */
  note: z.string().optional(),
  edits: z.array(editCardSchema).optional(),
  context: sentContextSchema.optional(),
  /** Tool calls the assistant made (sent back as history with their results). */
  toolCalls: z.array(toolCallSchema).optional(),
  /** Results of tool calls that ran inside the turn (the agent's tools), sent back with the history. */
  toolResults: z.array(toolResultSchema).optional(),
  /** xAI's server-side tool cards and the answer's numbered sources. */
  serverTools: z.array(serverToolCardSchema).optional(),
  sources: z.array(sourceSchema).optional(),
  /** Agent mode: the cards of the tool calls the task made, in order, and its model calls so far. */
  toolCards: z.array(toolCardSchema).optional(),
  steps: z.number().int().optional(),
  /** Agent mode: the task's checkpoint, for its Undo Task button. */
  taskUndo: taskUndoSchema.optional(),
  createdAt: z.number(),
});

function conversationSchemaFor<V extends number>(version: V) {
  return z.object({
    version: z.literal(version),
    id: z.string().regex(/^[A-Za-z0-9_-]+$/),
    title: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
    turns: z.array(turnSchema),
  });
}

const conversationSchema = conversationSchemaFor(STORED_VERSION);

/**
 * Version 1 (releases up to 0.1.0) stored the webview's turn view plus the same stored-only fields,
 * checked only loosely on load. Its fields are the ones above; what version 2 adds is that every
 * field is checked, and that a chip's image thumbnail is dropped (it was never meant to be kept).
 */
const conversationV1Schema = conversationSchemaFor(1);

/** Each old version's schema and its step to the next version. */
const MIGRATIONS: Record<number, (raw: unknown) => z.ZodSafeParseResult<unknown>> = {
  1: (raw) => {
    const parsed = conversationV1Schema.safeParse(raw);
    return parsed.success ? { success: true, data: { ...parsed.data, version: 2 } } : parsed;
  },
};

/** A conversation as kept in memory and written to disk (this release's format). */
export type Conversation = z.infer<typeof conversationSchema>;
/** One stored turn: what the view shows, plus what the model needs again. Images are never persisted. */
export type StoredTurn = z.infer<typeof turnSchema>;
/** An edit card as stored: the view, the proposal itself (to preview again after a reload) and the result for the model. */
export type StoredEditCard = z.infer<typeof editCardSchema>;
/** An agent tool call's card as stored. */
export type StoredToolCard = z.infer<typeof toolCardSchema>;
/** Context that was sent with a user message. */
export type SentContext = z.infer<typeof sentContextSchema>;

export type ReadResult =
  | { ok: true; conversation: Conversation; migratedFrom?: number }
  /** Written by a newer release: leave the file alone. */
  | { ok: false; newer: true; version: number }
  /** Not a conversation of any known version (corrupt, truncated or foreign): `why` names the first bad field. */
  | { ok: false; newer: false; why: string };

const headerSchema = z.object({ version: z.number().int().min(1) });

function why(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid';
}

/** Reads a parsed JSON value as a conversation of this release's format, migrating older versions. */
export function readStored(raw: unknown): ReadResult {
  const header = headerSchema.safeParse(raw);
  if (!header.success) return { ok: false, newer: false, why: why(header.error) };
  let version = header.data.version;
  if (version > STORED_VERSION) return { ok: false, newer: true, version };
  let data = raw;
  for (; version < STORED_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, newer: false, why: `version ${version} is not a known format` };
    const migrated = step(data);
    if (!migrated.success) return { ok: false, newer: false, why: `version ${version}: ${why(migrated.error)}` };
    data = migrated.data;
  }
  const parsed = conversationSchema.safeParse(data);
  if (!parsed.success) return { ok: false, newer: false, why: why(parsed.error) };
  return header.data.version === STORED_VERSION ? { ok: true, conversation: parsed.data } : { ok: true, conversation: parsed.data, migratedFrom: header.data.version };
}
