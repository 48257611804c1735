/**
 * Tool calls written as text. Grok models have been seen writing a call as JSON in the message
 * instead of calling the tool (see the protocol notes); in agent mode such an object, fenced or
 * bare, naming one of the offered tools, becomes a real call whose arguments are validated like
 * any other. propose_edits keeps its own wider fallback (a bare `{ path, edits }` object).
 */
import type { AssistantToolCall } from '../api';
import { objectEnd, parseJsonProposal } from '../edits/parse/jsonProposals';

/** Whether the text may hold a call at all (cheap; most answers do not). */
function mayHoldCall(text: string, names: readonly string[]): boolean {
  return text.includes('{') && (names.some((n) => text.includes(n)) || (names.includes('propose_edits') && /"edits"\s*:|"content"\s*:/.test(text)));
}

/** `{name, arguments}`, `{tool, args}`, `{function: {name, arguments}}`, `{type: 'function', …}` → name and arguments. */
function asCall(value: unknown, names: ReadonlySet<string>): { name: string; args: unknown } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.function && typeof record.function === 'object') return asCall(record.function, names);
  const name = typeof record.name === 'string' ? record.name : typeof record.tool === 'string' ? record.tool : undefined;
  if (!name || !names.has(name)) return undefined;
  const args = record.arguments ?? record.parameters ?? record.args ?? record.input ?? {};
  return { name, args };
}

/**
 * The calls written as JSON objects that start a line (inside a fence or not), in order. Ids are
 * made up (`text_call_N`) so results can be sent back as tool results.
 */
export function toolCallsInText(text: string, toolNames: readonly string[]): AssistantToolCall[] {
  if (!mayHoldCall(text, toolNames)) return [];
  const names = new Set(toolNames);
  const calls: AssistantToolCall[] = [];
  const lineStart = /(^|\n)[ \t]*(?:```[\w-]*[ \t]*\n[ \t]*)?\{/g;
  for (let m = lineStart.exec(text); m; m = lineStart.exec(text)) {
    const start = m.index + m[0].length - 1;
    const end = objectEnd(text, start);
    if (end === undefined) break;
    const json = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    const found = Array.isArray((value as { tool_calls?: unknown }).tool_calls) ? ((value as { tool_calls: unknown[] }).tool_calls) : [value];
    for (const item of found) {
      const call = asCall(item, names);
      if (call) calls.push({ id: `text_call_${calls.length + 1}`, name: call.name, arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args) });
      else if (names.has('propose_edits') && parseJsonProposal(JSON.stringify(item))?.ok) {
        calls.push({ id: `text_call_${calls.length + 1}`, name: 'propose_edits', arguments: JSON.stringify(item) });
      }
    }
    lineStart.lastIndex = end;
  }
  return calls;
}
