import type { HostMessage } from '../../../shared/protocol';
import type { StoredTurn } from '../conversation';
import { estimateTokens } from '../tokens';

/** Room kept for the answer when judging whether the next message fits (at most this many tokens). */
const ANSWER_ROOM_CAP = 32_000;

/**
 * The composer's token meter: how much the conversation plus the pending context would send, against
 * what `model` can read (its window less room for the answer). Warns above 80%, and says what
 * happens past the limit (the oldest messages are left out).
 */
export function contextInfo(
  turns: readonly StoredTurn[],
  pendingContext: string,
  model: string,
  contextWindow: number,
  maxOutputTokens: number,
): Extract<HostMessage, { type: 'contextInfo' }> {
  const history = turns.reduce((n, t) => n + estimateTokens(t.text) + estimateTokens(t.context?.text ?? ''), 0);
  const tokens = history + estimateTokens(pendingContext);
  const limit = contextWindow - Math.min(maxOutputTokens, ANSWER_ROOM_CAP);
  const n = (x: number) => x.toLocaleString('en-US');
  const warning =
    tokens > limit
      ? `About ${n(tokens)} tokens: more than ${model} can read (${n(limit)}). Remove attachments; the oldest messages will be left out.`
      : tokens > limit * 0.8
        ? `About ${n(tokens)} of ${n(limit)} tokens used.`
        : undefined;
  return { type: 'contextInfo', tokens, limit, warning };
}
