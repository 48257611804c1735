import type { ChatMessage, UserContentPart } from '../api';
import type { StoredTurn } from './conversation';
import { fitToolResults } from '../agent/contextFit';
import { estimateTokens, IMAGE_TOKENS_ESTIMATE } from './tokens';

/** A file or selection the user attached to a message. */
export interface ContextItem {
  kind: 'file' | 'selection';
  /** Workspace-relative path. */
  path: string;
  language?: string;
  /** 1-based, inclusive; for selections. */
  startLine?: number;
  endLine?: number;
  text: string;
}

/** A fence longer than any backtick run in the text, so the text cannot close it early. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** The `<context>` block sent before the user's question. */
export function renderContext(items: readonly ContextItem[]): string {
  if (items.length === 0) return '';
  const parts = items.map((item) => {
    const where = item.startLine ? ` (lines ${item.startLine}-${item.endLine ?? item.startLine})` : '';
    const fence = fenceFor(item.text);
    return `${item.kind === 'selection' ? 'Selection from' : 'File'} ${item.path}${where}:\n${fence}${item.language ?? ''}\n${item.text}\n${fence}`;
  });
  return `<context>\n${parts.join('\n\n')}\n</context>`;
}

export interface PromptInput {
  system: string;
  /** Earlier turns, oldest first (the new user message is not among them). */
  history: readonly StoredTurn[];
  userText: string;
  /** Rendered context for the new message ('' for none). */
  context: string;
  /** Data URLs of images sent with the new message. */
  images: readonly string[];
  contextWindow: number;
  maxOutputTokens: number;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  estimatedTokens: number;
  /** Tokens the prompt may use (context window minus room for the answer). */
  limit: number;
  /** Older turns left out to fit, oldest first. */
  droppedTurns: number;
  /** Old tool results shortened to fit (before any turn was dropped). */
  shortenedResults: number;
  /** Even the new message alone does not fit. */
  overLimit: boolean;
}

function userContent(text: string, context: string | undefined): string {
  return context ? `${context}\n\n${text}` : text;
}

/** Said to the model about edits it proposed that the user has not decided on yet. */
export const EDITS_PENDING = 'The user has not applied or rejected these edits yet.';

/**
 * History as messages. An assistant turn that called tools is followed by one tool message per call
 * with its result; results of edits proposed as text (diff blocks) follow as a short user note.
 */
function historyMessages(turns: readonly StoredTurn[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const t of turns) {
    if (t.role === 'user') {
      out.push({ role: 'user', content: userContent(t.text, t.context?.text) });
      continue;
    }
    const calls = t.toolCalls ?? [];
    if (!t.text.trim() && calls.length === 0) continue;
    out.push(calls.length ? { role: 'assistant', content: t.text, toolCalls: calls } : { role: 'assistant', content: t.text });
    for (const call of calls) {
      const card = t.edits?.find((c) => c.toolCallId === call.id);
      const ran = t.toolResults?.find((r) => r.toolCallId === call.id);
      out.push({ role: 'tool', toolCallId: call.id, content: card?.feedback ?? (card ? EDITS_PENDING : (ran?.content ?? 'No result.')) });
    }
    const textResults = (t.edits ?? []).filter((c) => !c.toolCallId && c.feedback).map((c) => c.feedback);
    if (textResults.length) out.push({ role: 'user', content: `Result of the edits you proposed:\n${textResults.join('\n')}` });
  }
  return out;
}

function messageTokens(m: ChatMessage): number {
  if (typeof m.content === 'string') return estimateTokens(m.content) + 4;
  return 4 + m.content.reduce((n, p) => n + (p.type === 'text' ? estimateTokens(p.text) : IMAGE_TOKENS_ESTIMATE), 0);
}

/** Tokens a prompt may use: the context window minus room for the answer (and a small margin). */
export function promptLimit(contextWindow: number, maxOutputTokens: number): number {
  const answerRoom = Math.min(maxOutputTokens, Math.floor(contextWindow / 2));
  return Math.max(0, Math.floor(contextWindow * 0.97) - answerRoom);
}

/**
 * Builds the messages of a turn: system prompt, as much history as fits (oldest dropped first, whole
 * user/assistant exchanges at a time), then the new message with its context and images.
 */
export function buildPrompt(input: PromptInput): BuiltPrompt {
  const limit = promptLimit(input.contextWindow, input.maxOutputTokens);
  const system: ChatMessage = { role: 'system', content: input.system };
  const text = userContent(input.userText, input.context);
  const last: ChatMessage = input.images.length
    ? { role: 'user', content: [{ type: 'text', text }, ...input.images.map((url): UserContentPart => ({ type: 'image', url }))] }
    : { role: 'user', content: text };

  const fixed = messageTokens(system) + messageTokens(last);
  let turns = [...input.history];
  let history = historyMessages(turns);
  let total = fixed + history.reduce((n, m) => n + messageTokens(m), 0);
  // Near the window, old tool results are shortened before any turn is dropped.
  const shortened = total > limit * 0.85 ? fitToolResults(history, Math.max(0, limit - fixed), 0) : 0;
  if (shortened) total = fixed + history.reduce((n, m) => n + messageTokens(m), 0);
  let dropped = 0;
  while (total > limit && turns.length > 0) {
    // Drop the oldest exchange: a user turn and the assistant turns that answered it.
    let cut = 1;
    while (cut < turns.length && turns[cut]?.role === 'assistant') cut++;
    dropped += cut;
    turns = turns.slice(cut);
    history = historyMessages(turns);
    total = fixed + history.reduce((n, m) => n + messageTokens(m), 0);
  }
  return { messages: [system, ...history, last], estimatedTokens: total, limit, droppedTurns: dropped, shortenedResults: shortened, overLimit: total > limit };
}
