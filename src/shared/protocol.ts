/**
 * The one message protocol between the extension host and the chat webview.
 *
 * - Webview → host messages are untrusted input: the host validates each with
 *   {@link parseWebviewMessage} (zod) and drops what does not fit.
 * - Host → webview messages are typed by {@link HostMessage}; the webview only
 *   imports types from this file (the zod runtime stays in the host bundle).
 * - Handshake: the webview posts `ready` once its listener is installed; the host
 *   posts nothing before that, and answers `ready` with `state` and the open conversation.
 * - The API key never crosses this boundary: the webview only learns `needsApiKey`.
 */
import * as z from 'zod';

/** Commands the webview may ask the host to run (an allowlist, not free command ids). */
export const webviewCommandSchema = z.enum([
  'grok.setApiKey',
  'grok.showLogs',
  'grok.newChat',
  'grok.testConnection',
  'grok.openSettings',
]);
export type WebviewCommand = z.infer<typeof webviewCommandSchema>;

/** Longest message a user can send from the input box (characters). */
export const MAX_INPUT_CHARS = 200_000;
/** Largest pasted image, as a data URL (xAI accepts up to 20 MiB; base64 adds a third). */
export const MAX_IMAGE_DATA_URL_CHARS = 28_000_000;
const id = z.string().min(1).max(200);

const imageSchema = z.object({
  dataUrl: z
    .string()
    .max(MAX_IMAGE_DATA_URL_CHARS)
    .regex(/^data:image\/(png|jpeg|jpg|webp|gif);base64,[A-Za-z0-9+/=]+$/, 'must be a base64 PNG, JPEG, WebP or GIF data URL'),
  name: z.string().max(300).optional(),
});

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Send a user message; images are pasted/dropped screenshots. */
  z.object({
    type: z.literal('send'),
    text: z.string().trim().min(1).max(MAX_INPUT_CHARS),
    images: z.array(imageSchema).max(10).optional(),
  }),
  /** Stop the answer being streamed (keeps what arrived). */
  z.object({ type: z.literal('stop') }),
  /** Retry a failed or stopped assistant turn: it is replaced, not duplicated. */
  z.object({ type: z.literal('retry'), turnId: id }),
  /** Replace the last user message with new text and resend. */
  z.object({ type: z.literal('editLast'), text: z.string().trim().min(1).max(MAX_INPUT_CHARS) }),
  z.object({ type: z.literal('newChat') }),
  z.object({ type: z.literal('openConversation'), conversationId: id }),
  z.object({ type: z.literal('deleteConversation'), conversationId: id }),
  z.object({ type: z.literal('selectModel'), model: z.string().min(1).max(200) }),
  z.object({ type: z.literal('removeAttachment'), attachmentId: id }),
  /** `@` typed: ask for workspace files matching the query. */
  z.object({ type: z.literal('searchFiles'), query: z.string().max(500) }),
  z.object({ type: z.literal('attachFile'), path: z.string().min(1).max(4096) }),
  /** Edit cards: open the diff preview (of one file, or the first), apply every file, or reject. */
  z.object({ type: z.literal('previewEdits'), cardId: id, path: z.string().max(4096).optional() }),
  z.object({ type: z.literal('applyEdits'), cardId: id }),
  z.object({ type: z.literal('rejectEdits'), cardId: id }),
  z.object({ type: z.literal('undoEdits'), cardId: id }),
  z.object({ type: z.literal('insertCode'), code: z.string().max(MAX_INPUT_CHARS * 5) }),
  z.object({ type: z.literal('applyCode'), code: z.string().max(MAX_INPUT_CHARS * 5), language: z.string().max(100).optional() }),
  /** A link in an answer was clicked; the host checks it before opening. */
  z.object({ type: z.literal('openLink'), href: z.string().max(4096) }),
  z.object({ type: z.literal('runCommand'), command: webviewCommandSchema }),
  /** An approval card's button: run the tool call, refuse it, or allow its kind for the rest of the task. */
  z.object({ type: z.literal('approveTool'), cardId: id, decision: z.enum(['allow', 'deny', 'allowTask']) }),
  /** An agent task's Undo Task button: the host asks what to restore (files, conversation, both). */
  z.object({ type: z.literal('undoTask'), turnId: id }),
  /** The composer's mode switch: Chat (no workspace tools) or Agent. */
  z.object({ type: z.literal('setMode'), mode: z.enum(['chat', 'agent']) }),
  /** A composer toggle of one of xAI's server-side tools: sets `grok.tools.<tool>` to `auto` or `off`. */
  z.object({ type: z.literal('setServerTool'), tool: z.enum(['webSearch', 'xSearch', 'codeExecution']), enabled: z.boolean() }),
]);

/** A message from the webview, after validation. */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** Validates a raw message from the webview; returns why when it does not fit. */
export function parseWebviewMessage(raw: unknown): { ok: true; message: WebviewMessage } | { ok: false; error: string } {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message' };
}

/* ───────────────────────── host → webview ───────────────────────── */

export interface ModelView {
  id: string;
  /** Accepts image input. */
  vision: boolean;
  contextWindow?: number;
  /** USD per million tokens, when known (shown in the model picker). */
  price?: { inputPerMTok: number; outputPerMTok: number };
}

export interface ViewState {
  /** The configured endpoint needs a key and none is stored: show the key banner. */
  needsApiKey: boolean;
  /** The model new requests go to. */
  model: string;
  models: ModelView[];
  /** Totals of this window's session. */
  session: { tokens: number; costUsd: number };
  /** xAI's server-side tools for the composer's toggles; absent = no toggles. */
  serverTools?: ServerToolsState;
  /** Chat: the model sees only what the user attaches. Agent: it reads, searches and edits the workspace itself. */
  mode?: ChatMode;
}

/** The composer's mode. */
export type ChatMode = 'chat' | 'agent';

/**
 * An agent tool call as a card in the answer. `arg` (a path, a query) and `result` are untrusted
 * text (set as text, never as HTML); `question` is set while the card waits for Allow / Deny.
 */
export interface ToolCardView {
  id: string;
  tool: string;
  arg: string;
  status: 'waiting' | 'running' | 'done' | 'failed' | 'denied';
  durationMs?: number;
  result?: string;
  question?: string;
  /** Beside the question: the command, its folder, the part of the line that asks (untrusted text). */
  details?: { label: string; value: string }[];
  /** "Allow for this task" is not offered: a dangerous command asks every time. */
  noTaskGrant?: boolean;
}

/** An agent task that changed files: its Undo Task button (`undone` once they were put back). */
export interface TaskUndoView {
  files: number;
  undone?: boolean;
}

/** The composer's server-side tool toggles: which are on, and why they are off limits (Chat Completions). */
export interface ServerToolsState {
  webSearch: boolean;
  xSearch: boolean;
  codeExecution: boolean;
  /** Set when the tools cannot be used now: the one-line reason shown by the disabled toggles. */
  unavailable?: string;
}

/** Server-side tool calls of one answer, by kind. */
export interface ServerToolCallsView {
  webSearch: number;
  xSearch: number;
  codeExecution: number;
  other: number;
}

/**
 * A server-side tool call shown as a card in an answer: a search or a code run on xAI's side.
 * `query`, `code` and `output` are untrusted text (set as text, never as HTML).
 */
export interface ServerToolCardView {
  id: string;
  kind: 'webSearch' | 'xSearch' | 'codeExecution' | 'other';
  /** The wire name when it says more (`x_keyword_search`, `browse_page`…). */
  name?: string;
  status: 'running' | 'completed' | 'failed';
  query?: string;
  code?: string;
  output?: string;
}

/** A numbered source under an answer; `n` matches the answer's inline `[[n]](url)` markers. Untrusted. */
export interface SourceView {
  n: number;
  /** An http(s) URL; opened only when clicked, through the host's link rules. */
  url: string;
  /** Host name without `www.`. */
  domain: string;
  title?: string;
  /** The answer cites it inline (else it was only read during the search). */
  cited: boolean;
}

export interface UsageView {
  /** The model the response says served it (may differ from the one asked for). */
  model: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  totalTokens: number;
  /** Estimated cost in USD, when known. */
  costUsd?: number;
  latencyMs?: number;
  /** Server-side tool calls billed for this answer, and their share of `costUsd`. */
  serverToolCalls?: ServerToolCallsView;
  serverToolCostUsd?: number;
}

/** The one button an error offers; `openBilling` opens the xAI console (out of credits). */
export type ErrorAction = 'retry' | 'setApiKey' | 'chooseModel' | 'openSettings' | 'openBilling';

export interface ErrorView {
  message: string;
  action?: ErrorAction;
}

export interface AttachmentView {
  id: string;
  kind: 'file' | 'selection' | 'image';
  /** Short label for the chip, e.g. `app.ts:10-24`. */
  label: string;
  /** Tooltip: full path, token estimate. */
  detail?: string;
  /** Number of secrets redacted from this context before sending. */
  redactions?: number;
  /** Data URL of a small preview (images only). */
  thumbnail?: string;
}

export interface EditCardFile {
  path: string;
  added: number;
  removed: number;
  /** Why edits of this file cannot be applied (not found, ambiguous, outside the workspace…). */
  refused: string[];
}

/** Proposed edits in an answer: files with +/- counts, and what became of them. */
export interface EditCardView {
  id: string;
  status: 'proposed' | 'applied' | 'rejected' | 'refused' | 'undone';
  files: EditCardFile[];
  /** The result in one line, e.g. "Applied 2 edits to src/a.ts." or why nothing was written. */
  message?: string;
  /** Why, in the model's words; untrusted text, shown as text. */
  reason?: string;
}

export type TurnStatus = 'streaming' | 'done' | 'stopped' | 'error' | 'incomplete';

export interface TurnView {
  id: string;
  role: 'user' | 'assistant';
  /** Markdown (assistant) or plain text (user). */
  text: string;
  reasoning?: string;
  status: TurnStatus;
  usage?: UsageView;
  error?: ErrorView;
  attachments?: AttachmentView[];
  /** A note shown above the turn, e.g. "12 older messages were left out to fit the context". */
  note?: string;
  /** Edit proposals found in this answer (tool calls or diff blocks). */
  edits?: EditCardView[];
  /** Searches and code runs on xAI's side, in order. */
  serverTools?: ServerToolCardView[];
  /** Numbered sources the answer cites (and those only read), for the chips under it. */
  sources?: SourceView[];
  /** Agent mode: the task's tool calls, in order. */
  toolCards?: ToolCardView[];
  taskUndo?: TaskUndoView;
  /** Agent mode: model calls the task made. */
  steps?: number;
}

export interface ConversationView {
  id: string;
  title: string;
  turns: TurnView[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: number;
  turnCount: number;
}

export type HostMessage =
  | { type: 'state'; state: ViewState }
  /** Replace the whole message list (open a conversation, new chat, reload). */
  | { type: 'conversation'; conversation: ConversationView }
  /** Append a turn (the user message, then the assistant placeholder that will stream). */
  | { type: 'turnAdded'; turn: TurnView }
  /** More streamed text for a turn; the host batches deltas. */
  | { type: 'turnDelta'; turnId: string; text?: string; reasoning?: string }
  /**
   * A turn finished, stopped or failed. `text` / `reasoning` are set only when the final text
   * differs from what was streamed (the webview then re-renders it); otherwise it keeps the deltas.
   */
  | {
      type: 'turnEnd';
      turnId: string;
      status: TurnStatus;
      usage?: UsageView;
      error?: ErrorView;
      note?: string;
      text?: string;
      reasoning?: string;
    }
  /** Add or update an edit card of a turn. */
  /** What a streaming turn is waiting for (a retry after a rate limit, say); no text: waiting is over. */
  | { type: 'turnStatus'; turnId: string; text?: string; retryInMs?: number }
  | { type: 'editCard'; turnId: string; card: EditCardView }
  /** The server-side tool cards and sources of a turn, whole (they replace what the turn showed). */
  | { type: 'serverTools'; turnId: string; cards: ServerToolCardView[]; sources: SourceView[] }
  /** Add or update an agent tool card of a turn. */
  | { type: 'toolCard'; turnId: string; card: ToolCardView }
  | { type: 'taskUndo'; turnId: string; undo: TaskUndoView }
  /** Agent mode: the task's steps, tokens and cost so far (the footer while it runs). */
  | { type: 'turnProgress'; turnId: string; steps: number; usage?: UsageView }
  /** Remove a turn (a retried turn is replaced). */
  | { type: 'turnRemoved'; turnId: string }
  | { type: 'history'; conversations: ConversationSummary[] }
  /** Context chips for the next message. */
  | { type: 'attachments'; attachments: AttachmentView[] }
  | { type: 'fileResults'; query: string; files: { path: string; label: string }[] }
  /** A warning about the next request (context too long, budget). */
  | { type: 'contextInfo'; tokens: number; limit?: number; warning?: string }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string }
  /** Prefill the input (e.g. edit-and-resend) and focus it. */
  | { type: 'setInput'; text: string }
  | { type: 'clear' };
