import { estimateTokens, IMAGE_TOKENS_ESTIMATE } from '../chat/tokens';
import type { LmInputMessage, LmInputPart } from './types';

/** Per-message overhead (role and separators), as the Chat view's prompt budget counts it. */
const MESSAGE_OVERHEAD = 4;

function partTokens(part: LmInputPart): number {
  switch (part.kind) {
    case 'text':
      return estimateTokens(part.value);
    case 'data':
      return part.mimeType.startsWith('image/') ? IMAGE_TOKENS_ESTIMATE : Math.ceil(part.data.length / 3.6);
    case 'toolCall':
      return estimateTokens(part.name) + estimateTokens(JSON.stringify(part.input ?? {}));
    case 'toolResult':
      return part.content.reduce((n, p) => n + partTokens(p), 0);
    case 'other':
      return estimateTokens(part.json ?? '');
  }
}

/** `provideTokenCount`: the Chat view's estimate (about 3.6 characters a token, a flat cost per image). */
export function estimateLmTokens(input: string | LmInputMessage): number {
  if (typeof input === 'string') return estimateTokens(input);
  return MESSAGE_OVERHEAD + input.parts.reduce((n, p) => n + partTokens(p), 0);
}
