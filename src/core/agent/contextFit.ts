/**
 * Long agent tasks stay inside the model's window: when the prompt nears it, old tool results are
 * shortened first (their head kept, with a note saying what was left out and how to get it back),
 * oldest first, leaving the latest results whole. Nothing else changes, so the prompt stays
 * append-only (and its cache keeps hitting) until the window really is near.
 */
import type { ChatMessage } from '../api';
import { estimateTokens } from '../chat/tokens';

/** Characters of a shortened result that are kept. */
export const SHORTENED_HEAD_CHARS = 1_200;
/** Start shortening above this share of the limit, and stop below the target share. */
const NEAR = 0.85;
const TARGET = 0.7;

function tokensOf(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + 4 + (typeof m.content === 'string' ? estimateTokens(m.content) : estimateTokens(JSON.stringify(m.content))), 0);
}

/** A tool result cut to its head, with the note. */
export function shortenResult(content: string): string {
  if (content.length <= SHORTENED_HEAD_CHARS + 200) return content;
  return `${content.slice(0, SHORTENED_HEAD_CHARS)}\n[Shortened to fit the context window: ${content.length - SHORTENED_HEAD_CHARS} characters left out. Call the tool again if you need them.]`;
}

/**
 * Shortens tool results in `messages` (in place), oldest first, keeping the last `keepLast` whole,
 * while the estimate is above {@link NEAR} × `limit`, down to {@link TARGET} × `limit`. Returns how
 * many were shortened.
 */
export function fitToolResults(messages: ChatMessage[], limit: number, keepLast = 2): number {
  let total = tokensOf(messages);
  if (total <= limit * NEAR) return 0;
  const tools = messages.map((m, i) => (m.role === 'tool' ? i : -1)).filter((i) => i >= 0);
  let shortened = 0;
  for (const i of tools.slice(0, Math.max(0, tools.length - keepLast))) {
    if (total <= limit * TARGET) break;
    const message = messages[i] as Extract<ChatMessage, { role: 'tool' }>;
    const short = shortenResult(message.content);
    if (short === message.content) continue;
    total -= estimateTokens(message.content) - estimateTokens(short);
    messages[i] = { ...message, content: short };
    shortened++;
  }
  return shortened;
}
