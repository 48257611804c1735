/** Number, money and time formatting for the usage footer, the header and the history list. */
import type { UsageView } from '../shared/protocol';

/** 950 → "950", 12_345 → "12.3k", 2_500_000 → "2.5M". */
export function formatTokens(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(value: number): string {
  return (value >= 100 ? value.toFixed(0) : value.toFixed(1)).replace(/\.0$/, '');
}

/** Estimated dollars: small sums keep enough digits to be non-zero. */
/** "0.4 s", "12 s", "3 min": how long a step took. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  if (usd < 1) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(2)}`;
}

/** The pieces of the footer under an answer, most useful first. */
export function usageParts(usage: UsageView): string[] {
  const parts = [usage.model, `${formatTokens(usage.promptTokens)} in`, `${formatTokens(usage.completionTokens)} out`];
  if (usage.reasoningTokens > 0) parts.push(`${formatTokens(usage.reasoningTokens)} reasoning`);
  if (usage.cachedTokens > 0) parts.push(`${formatTokens(usage.cachedTokens)} cached`);
  const tools = serverToolCallsText(usage);
  if (tools) parts.push(tools);
  if (usage.costUsd !== undefined) parts.push(`~${formatCost(usage.costUsd)}`);
  return parts;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 searches, 1 code run ($0.015)": the server-side tool calls of an answer and their share of the cost. */
export function serverToolCallsText(usage: UsageView): string | undefined {
  const calls = usage.serverToolCalls;
  if (!calls) return undefined;
  const searches = calls.webSearch + calls.xSearch + calls.other;
  const parts: string[] = [];
  if (searches) parts.push(plural(searches, 'search', 'searches'));
  if (calls.codeExecution) parts.push(plural(calls.codeExecution, 'code run', 'code runs'));
  if (!parts.length) return undefined;
  return `${parts.join(', ')}${usage.serverToolCostUsd ? ` (${formatCost(usage.serverToolCostUsd)})` : ''}`;
}

/** Full numbers for the footer's tooltip. */
export function usageDetail(usage: UsageView): string {
  const lines = [
    `Model: ${usage.model}`,
    `Prompt tokens: ${usage.promptTokens.toLocaleString()} (cached: ${usage.cachedTokens.toLocaleString()})`,
    `Completion tokens: ${usage.completionTokens.toLocaleString()} (reasoning: ${usage.reasoningTokens.toLocaleString()})`,
    `Total tokens: ${usage.totalTokens.toLocaleString()}`,
  ];
  const tools = serverToolCallsText(usage);
  if (tools) lines.push(`Grok's tools: ${tools}`);
  if (usage.costUsd !== undefined) lines.push(`Estimated cost: ${formatCost(usage.costUsd)}`);
  if (usage.latencyMs !== undefined) lines.push(`Time: ${(usage.latencyMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** "just now", "5 min ago", "3 h ago", else a short date. */
export function formatWhen(timestamp: number, now = Date.now()): string {
  const minutes = Math.round((now - timestamp) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return new Date(timestamp).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
}
