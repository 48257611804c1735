import type { ConversationSummary, EditCardView, TurnView } from '../../shared/protocol';
import type { AssistantToolCall } from '../api';
import type { FileChange } from '../edits';

/** An edit card as stored: the view, the proposal itself (to preview again after a reload) and the result for the model. */
export interface StoredEditCard extends EditCardView {
  changes: FileChange[];
  /** The propose_edits call this card answers, when it came from a tool call. */
  toolCallId?: string;
  /** What happened, in words for the model's next turn (set once applied, rejected or refused). */
  feedback?: string;
}

/** Context that was sent with a user message, kept so later turns resend exactly the same thing. */
export interface SentContext {
  /** The `<context>` block as sent (secrets already redacted). */
  text: string;
  /** Number of images sent with the message (their data is not stored). */
  images: number;
}

/** One stored turn: what the view shows, plus what the model needs again. Images are never persisted. */
export interface StoredTurn extends Omit<TurnView, 'edits'> {
  context?: SentContext;
  /** Tool calls the assistant made (sent back as history with their results). */
  toolCalls?: AssistantToolCall[];
  /** Results of tool calls that ran inside the turn (the agent's tools), sent back with the history. */
  toolResults?: { toolCallId: string; content: string }[];
  edits?: StoredEditCard[];
  createdAt: number;
}

export interface Conversation {
  version: 1;
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  turns: StoredTurn[];
}

/** A fresh, empty conversation. */
export function newConversation(id: string, now: number): Conversation {
  return { version: 1, id, title: 'New chat', createdAt: now, updatedAt: now, turns: [] };
}

/** A title from the first user message: its first line, trimmed to 60 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (!line) return 'New chat';
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}

/** The view of a turn for the webview (drops stored-only fields). */
export function turnView(t: StoredTurn): TurnView {
  const view: TurnView = { id: t.id, role: t.role, text: t.text, status: t.status };
  if (t.reasoning) view.reasoning = t.reasoning;
  if (t.usage) view.usage = t.usage;
  if (t.error) view.error = t.error;
  if (t.attachments?.length) view.attachments = t.attachments.map(({ thumbnail: _thumbnail, ...rest }) => rest);
  if (t.note) view.note = t.note;
  if (t.edits?.length) view.edits = t.edits.map(editCardView);
  return view;
}

/** The webview's part of a stored card. */
export function editCardView(card: StoredEditCard): EditCardView {
  const view: EditCardView = { id: card.id, status: card.status, files: card.files };
  if (card.message) view.message = card.message;
  return view;
}

export function summaryOf(c: Conversation): ConversationSummary {
  return { id: c.id, title: c.title, updatedAt: c.updatedAt, turnCount: c.turns.length };
}

/**
 * A conversation as loaded after a crash or reload: a turn still marked streaming was cut off,
 * so it is shown as incomplete (its text is kept).
 */
export function markInterrupted(c: Conversation): Conversation {
  return { ...c, turns: c.turns.map((t) => (t.status === 'streaming' ? { ...t, status: 'incomplete' as const } : t)) };
}
