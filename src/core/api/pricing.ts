/** Prices in USD per million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  /** Undefined when unknown: cached tokens are then priced as uncached (errs high, never low). */
  cachedInputPerMTok?: number;
  outputPerMTok: number;
  imageInputPerMTok?: number;
}

/** The date the built-in table was checked against xAI's published prices. */
export const BUILTIN_PRICES_DATE = '2026-05-15';

/**
 * Fallback prices, used only when the server reported no `cost_in_usd_ticks` and /language-models was not
 * read. Sources: shared/design/xai-protocol-reference.md §3 (several verified against recorded ticks).
 * Retired names are served and billed as grok-4.3, but the response then names grok-4.3, which prices it.
 */
const BUILTIN: ReadonlyArray<readonly [RegExp, ModelPrice]> = [
  [/^grok-4\.3(?![0-9])/, { inputPerMTok: 1.25, outputPerMTok: 2.5 }],
  [/^grok-4\.20/, { inputPerMTok: 2.0, cachedInputPerMTok: 0.2, outputPerMTok: 6.0 }],
  [/^grok-4-1-fast|^grok-4-fast/, { inputPerMTok: 0.2, cachedInputPerMTok: 0.05, outputPerMTok: 0.5 }],
  [/^grok-code-fast/, { inputPerMTok: 0.2, cachedInputPerMTok: 0.02, outputPerMTok: 1.5 }],
  [/^grok-3-mini/, { inputPerMTok: 0.3, cachedInputPerMTok: 0.075, outputPerMTok: 0.5 }],
  [/^grok-4(?:-0709|-latest)?$/, { inputPerMTok: 3.0, cachedInputPerMTok: 0.75, outputPerMTok: 15.0 }],
];

/** The built-in price of `model` (dated {@link BUILTIN_PRICES_DATE}), or undefined. */
export function builtinPrice(model: string): ModelPrice | undefined {
  const id = model.trim().toLowerCase();
  return BUILTIN.find(([pattern]) => pattern.test(id))?.[1];
}

/** The price fields of a /language-models entry: USD cents per 100 million tokens. */
export interface ListedPriceFields {
  prompt_text_token_price?: number | null;
  cached_prompt_text_token_price?: number | null;
  completion_text_token_price?: number | null;
  prompt_image_token_price?: number | null;
}

/** Cents per 100M tokens → USD per 1M tokens (÷ 100 cents, ÷ 100 blocks of 1M). */
function perMTok(centsPer100M: number): number {
  return centsPer100M / 10_000;
}

/** Converts /language-models prices; undefined when the entry carries no usable input and output price. */
export function priceFromListing(entry: ListedPriceFields): ModelPrice | undefined {
  const input = entry.prompt_text_token_price;
  const output = entry.completion_text_token_price;
  if (input == null || output == null) return undefined;
  const cached = entry.cached_prompt_text_token_price;
  const image = entry.prompt_image_token_price;
  return {
    inputPerMTok: perMTok(input),
    outputPerMTok: perMTok(output),
    ...(cached != null ? { cachedInputPerMTok: perMTok(cached) } : {}),
    ...(image != null ? { imageInputPerMTok: perMTok(image) } : {}),
  };
}

/**
 * When the per-call prices of server-side tools below were read: docs.x.ai/developers/models, as
 * recorded in shared/design/xai-protocol-reference.md §7 (it was $10 per 1,000 in Nov 2025).
 */
export const SERVER_TOOL_PRICES_DATE = '2026-11';

/** USD per call of each server-side tool kind ($5 per 1,000 web, X and code calls; $2.50 for file search). */
export const SERVER_TOOL_PRICE_PER_CALL: Readonly<Record<'webSearch' | 'xSearch' | 'codeExecution' | 'other', number>> = {
  webSearch: 5 / 1000,
  xSearch: 5 / 1000,
  codeExecution: 5 / 1000,
  /** File and collection (document) search. */
  other: 2.5 / 1000,
};
