import * as z from 'zod';
import { builtinPrice, SERVER_TOOL_PRICE_PER_CALL, type ModelPrice } from './pricing';
import type { CostSource, Endpoint, ServerToolCalls, TokenCounts } from './types';

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
  // Server-side tools: counted leniently (a new or odd field must not fail the whole stream).
  num_server_side_tools_used: z.unknown().optional(),
  server_side_tool_usage_details: z.unknown().optional(),
});

/** A usage object as it came off the wire. */
export type WireUsage = z.infer<typeof wireUsageSchema>;

/** Normalized counts plus the server's exact cost, when it reported one (> 0). */
export interface NormalizedUsage extends TokenCounts {
  costTicks?: number;
  /** Billed server-side tool calls, when the response reported any. */
  serverToolCalls?: ServerToolCalls;
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
    ...serverToolCallsOf(usage.server_side_tool_usage_details),
  };
}

/** A non-negative count, whatever the wire sent (number or numeric string); else 0. */
function callCount(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/**
 * `server_side_tool_usage_details` → counts by kind. Keys as xAI sends them (`web_search_calls`…) and
 * the shorter ones some gateways use (`web_search`…). Nothing when no call was made.
 */
export function serverToolCallsOf(details: unknown): { serverToolCalls?: ServerToolCalls } {
  if (!details || typeof details !== 'object') return {};
  const d = details as Record<string, unknown>;
  const get = (...keys: string[]) => keys.reduce((sum, key) => sum + callCount(d[key]), 0);
  const calls: ServerToolCalls = {
    webSearch: get('web_search_calls', 'web_search'),
    xSearch: get('x_search_calls', 'x_search'),
    codeExecution: get('code_interpreter_calls', 'code_execution_calls', 'code_execution', 'code_interpreter'),
    other: get('file_search_calls', 'document_search_calls', 'collections_search_calls', 'file_search'),
  };
  return calls.webSearch + calls.xSearch + calls.codeExecution + calls.other > 0 ? { serverToolCalls: calls } : {};
}

/** What server-side tool calls cost at the dated per-call prices. */
export function serverToolCost(calls: ServerToolCalls): number {
  return (
    calls.webSearch * SERVER_TOOL_PRICE_PER_CALL.webSearch +
    calls.xSearch * SERVER_TOOL_PRICE_PER_CALL.xSearch +
    calls.codeExecution * SERVER_TOOL_PRICE_PER_CALL.codeExecution +
    calls.other * SERVER_TOOL_PRICE_PER_CALL.other
  );
}

/** Prices known from the model listing (GET /language-models), by model id and alias. */
export type PriceLookup = (model: string) => ModelPrice | undefined;

/** A cost estimate; `serverToolCostUsd` is the server-side tools' share, already inside `costUsd`. */
export interface CostEstimate {
  costUsd: number | undefined;
  costSource: CostSource;
  serverToolCostUsd?: number;
}

/**
 * Cost of a request in USD: the server's ticks when reported (they include server-side tool calls),
 * else listing prices, else the built-in table, plus server-side tool calls at their per-call prices.
 * Reasoning is billed at the output price; cached prompt tokens at the cached price.
 */
export function estimateCost(tokens: NormalizedUsage, model: string, listed?: PriceLookup): CostEstimate {
  const tools = tokens.serverToolCalls ? { serverToolCostUsd: serverToolCost(tokens.serverToolCalls) } : {};
  if (tokens.costTicks !== undefined) return { costUsd: tokens.costTicks * USD_PER_TICK, costSource: 'ticks', ...tools };
  const fromListing = listed?.(model);
  const price = fromListing ?? builtinPrice(model);
  if (!price) return { costUsd: undefined, costSource: 'unknown', ...tools };
  const uncached = tokens.promptTokens - tokens.cachedTokens;
  const cachedPrice = price.cachedInputPerMTok ?? price.inputPerMTok;
  const micro =
    uncached * price.inputPerMTok + tokens.cachedTokens * cachedPrice + (tokens.completionTokens + tokens.reasoningTokens) * price.outputPerMTok;
  return { costUsd: micro / 1e6 + (tools.serverToolCostUsd ?? 0), costSource: fromListing ? 'pricing' : 'builtin', ...tools };
}
