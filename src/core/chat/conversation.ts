import type { AttachmentView, ConversationSummary, EditCardView, TurnView } from '../../shared/protocol';
import { STORED_VERSION, type Conversation, type StoredEditCard, type StoredToolCard, type StoredTurn } from './storedFormat';

// The in-memory types are the stored format's (./storedFormat): the webview's TurnView is mapped from them here.
export type { Conversation, SentContext, StoredEditCard, StoredToolCard, StoredTurn } from './storedFormat';

/** A fresh, empty conversation. */
export function newConversation(id: string, now: number): Conversation {
  return { version: STORED_VERSION, id, title: 'New chat', createdAt: now, updatedAt: now, turns: [] };
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
  if (t.attachments?.length) view.attachments = t.attachments.map(attachmentView);
  if (t.note) view.note = t.note;
  if (t.edits?.length) view.edits = t.edits.map(editCardView);
  if (t.serverTools?.length) view.serverTools = t.serverTools;
  if (t.sources?.length) view.sources = t.sources;
  if (t.toolCards?.length) view.toolCards = t.toolCards;
  if (t.steps) view.steps = t.steps;
  if (t.taskUndo) view.taskUndo = t.taskUndo;
  return view;
}

function attachmentView(a: NonNullable<StoredTurn['attachments']>[number]): AttachmentView {
  const view: AttachmentView = { id: a.id, kind: a.kind, label: a.label };
  if (a.detail) view.detail = a.detail;
  if (a.redactions) view.redactions = a.redactions;
  return view;
}

/** The webview's part of a stored card. */
export function editCardView(card: StoredEditCard): EditCardView {
  const view: EditCardView = { id: card.id, status: card.status, files: card.files };
  if (card.message) view.message = card.message;
  if (card.reason) view.reason = card.reason;
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
  return { ...c, turns: c.turns.map((t) => (t.status !== 'streaming' ? t : t.toolCards ? { ...t, status: 'incomplete' as const, toolCards: t.toolCards.map(cutOff) } : { ...t, status: 'incomplete' as const })) };
}

/** A tool card of a turn that was cut off: what was waiting or running did not finish. */
function cutOff(card: StoredToolCard): StoredToolCard {
  if (card.status !== 'waiting' && card.status !== 'running') return card;
  const { question: _question, ...rest } = card;
  return { ...rest, status: 'failed', result: 'Interrupted: the window closed before this step finished.' };
}
