import * as z from 'zod';
import { builtinPrice, type ModelPrice } from './pricing';
import type { CostSource, Endpoint, TokenCounts } from './types';

/** 1 tick = 1e-10 USD (xAI's `cost_in_usd_ticks`). */
export const USD_PER_TICK = 1e-10;

const count = z.number().finite().nonnegative().nullish();
const details = (key: string) => z.object({ [key]: count }).partial().nullish();

/**
 * A usage object from either endpoint: Chat keys (`prompt_tokens`…), Responses keys (`input_tokens`…),
 * both optional because stored responses have been seen with the other endpoint's keys.
 */
export const wireUsageSchema = z.object({
  prompt_tokens: count,
  completion_tokens: count,
  input_tokens: count,
  output_tokens: count,
  total_tokens: count,
  prompt_tokens_details: z.object({ cached_tokens: count, image_tokens: count }).nullish(),
  input_tokens_details: z.object({ cached_tokens: count, image_tokens: count }).nullish(),
  completion_tokens_details: details('reasoning_tokens'),
  output_tokens_details: details('reasoning_tokens'),
  cost_in_usd_ticks: z.number().finite().nullish(),
});

/** A usage object as it came off the wire. */
export type WireUsage = z.infer<typeof wireUsageSchema>;

/** Normalized counts plus the server's exact cost, when it reported one (> 0). */
export interface NormalizedUsage extends TokenCounts {
  costTicks?: number;
}

/** No usage reported (a failed request, or a server that never sends it). */
export const ZERO_TOKENS: NormalizedUsage = { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0, imageTokens: 0, totalTokens: 0 };

/**
 * Normalizes wire usage. Chat's `completion_tokens` excludes reasoning (total = prompt + completion +
 * reasoning) unless total shows it was folded in; Responses' `output_tokens` includes reasoning.
 * Cached tokens are clamped to the prompt: xAI has reported more cached than prompt tokens.
 */
export function normalizeUsage(usage: WireUsage, endpoint: Endpoint): NormalizedUsage {
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? usage.output_tokens_details?.reasoning_tokens ?? 0;
  const prompt = usage.prompt_tokens ?? usage.input_tokens ?? 0;
  const responsesKeys = usage.output_tokens != null;
  const rawOutput = usage.completion_tokens ?? usage.output_tokens ?? 0;
  let completion = rawOutput;
  if (responsesKeys || (endpoint === 'responses' && usage.completion_tokens == null)) {
    completion = Math.max(0, rawOutput - reasoning);
  } else if (usage.total_tokens != null && reasoning > 0 && usage.total_tokens === prompt + rawOutput) {
    // Some gateways fold reasoning into completion_tokens; total gives it away.
    completion = Math.max(0, rawOutput - reasoning);
  }
  const cachedRaw = usage.prompt_tokens_details?.cached_tokens ?? usage.input_tokens_details?.cached_tokens ?? 0;
  const image = usage.prompt_tokens_details?.image_tokens ?? usage.input_tokens_details?.image_tokens ?? 0;
  const ticks = usage.cost_in_usd_ticks;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    reasoningTokens: reasoning,
    cachedTokens: Math.min(cachedRaw, prompt),
    imageTokens: image,
    totalTokens: prompt + completion + reasoning,
    ...(ticks != null && ticks > 0 ? { costTicks: ticks } : {}),
  };
}

/** Prices known from the model listing (GET /language-models), by model id and alias. */
export type PriceLookup = (model: string) => ModelPrice | undefined;

/**
 * Cost of a request in USD: the server's ticks when reported, else listing prices, else the built-in table.
 * Reasoning is billed at the output price; cached prompt tokens at the cached price.
 */
export function estimateCost(tokens: NormalizedUsage, model: string, listed?: PriceLookup): { costUsd: number | undefined; costSource: CostSource } {
  if (tokens.costTicks !== undefined) return { costUsd: tokens.costTicks * USD_PER_TICK, costSource: 'ticks' };
  const fromListing = listed?.(model);
  const price = fromListing ?? builtinPrice(model);
  if (!price) return { costUsd: undefined, costSource: 'unknown' };
  const uncached = tokens.promptTokens - tokens.cachedTokens;
  const cachedPrice = price.cachedInputPerMTok ?? price.inputPerMTok;
  const micro =
    uncached * price.inputPerMTok + tokens.cachedTokens * cachedPrice + (tokens.completionTokens + tokens.reasoningTokens) * price.outputPerMTok;
  return { costUsd: micro / 1e6, costSource: fromListing ? 'pricing' : 'builtin' };
}
