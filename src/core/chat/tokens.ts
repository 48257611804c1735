/**
 * Token estimates without a tokenizer: about 4 characters per token for prose and code in the
 * GPT/Grok BPE families, a little fewer for dense code. Used for warnings and trimming, never billing.
 */
export function estimateTokens(text: string): number {
  if (!text) return 0;
  // Non-ASCII characters tend to cost a token each or more.
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) nonAscii++;
  return Math.ceil((text.length - nonAscii) / 3.6 + nonAscii);
}

/** xAI prices image input per image tile; this is the typical cost of one screenshot. */
export const IMAGE_TOKENS_ESTIMATE = 1_500;

/** Known context windows (tokens) by model prefix; the served model's header overrides these. */
const CONTEXT_WINDOWS: [RegExp, number][] = [
  [/^grok-4\.20/, 2_000_000],
  [/^grok-4\.3/, 1_000_000],
  [/^grok-4\.[56]/, 1_000_000],
  [/^grok-build/, 256_000],
  [/^grok-(code-fast|4)/, 256_000],
  [/^grok-3/, 131_072],
];

/** The context window to plan with: learned (from response headers) first, then the table, else 128k. */
export function contextWindowFor(model: string, learned?: number): number {
  if (learned && learned > 0) return learned;
  for (const [pattern, tokens] of CONTEXT_WINDOWS) if (pattern.test(model)) return tokens;
  return 128_000;
}
