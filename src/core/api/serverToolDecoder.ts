/**
 * The server-side tool part of a Responses stream: web search, X search and code execution calls,
 * citations and the response's source list. Wire shapes differ between what xAI sends and what the
 * OpenAI-style schema says, so both are read:
 * - a search call is a `web_search_call` item whose query is in `action.query` (OpenAI) or in JSON
 *   `arguments` (xAI); X search arrives as `custom_tool_call` items (`x_keyword_search`…) with JSON
 *   `input`, or as `x_search_call` items;
 * - code is a `code_interpreter_call` (or `code_execution_call`) item with `code` (OpenAI) or JSON
 *   `arguments.code` (xAI), streamed by `response.code_interpreter_call_code.delta`; output in
 *   `outputs[].logs` (OpenAI) or `output` / `outputs[].output` (both seen in third-party code);
 * - status events `response.<call>.in_progress|searching|executing|interpreting|completed|failed`.
 * Fields are read leniently: an odd value is skipped, never a stream failure.
 */
import * as z from 'zod';
import { citationSpan } from './citations';
import type { Citation, ServerToolCall, ServerToolKind, TurnEvent } from './types';

/** Fields of items that server-side tools use, added to the Responses item schema (all lenient). */
export const serverToolItemFields = {
  status: z.unknown().optional(),
  action: z.unknown().optional(),
  input: z.unknown().optional(),
  code: z.unknown().optional(),
  outputs: z.unknown().optional(),
  output: z.unknown().optional(),
  results: z.unknown().optional(),
  content: z.unknown().optional(),
};

/** Fields of events that server-side tools use, added to the Responses event schema. */
export const serverToolEventFields = {
  annotation: z.unknown().optional(),
  content_index: z.unknown().optional(),
  input: z.unknown().optional(),
  text: z.unknown().optional(),
};

/** Fields of the `response` object: the list of every source the tools read. */
export const serverToolResponseFields = {
  citations: z.unknown().optional(),
};

/** The parsed event fields this decoder reads (a structural subset of the Responses event). */
export interface ServerToolEvent {
  type: string;
  item?: ({ type: string; id?: string | null; call_id?: string | null; name?: string | null; arguments?: string | null } & { [K in keyof typeof serverToolItemFields]?: unknown }) | null;
  item_id?: string | null;
  output_index?: number | null;
  delta?: string | null;
  code?: unknown;
  annotation?: unknown;
  content_index?: unknown;
  input?: unknown;
  response?: { citations?: unknown } | null;
}

const ITEM_KINDS: Record<string, ServerToolKind | 'other'> = {
  web_search_call: 'webSearch',
  x_search_call: 'xSearch',
  code_interpreter_call: 'codeExecution',
  code_execution_call: 'codeExecution',
  file_search_call: 'other',
  mcp_call: 'other',
};
/** Prefixes of status events: `response.web_search_call.searching` … */
const EVENT_PREFIX = /^response\.(web_search_call|x_search_call|code_interpreter_call|code_execution_call|file_search_call|mcp_call)\.(\w+)$/;
const RUNNING = new Set(['in_progress', 'searching', 'executing', 'interpreting', 'calling']);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** JSON text → object, or undefined (partial input while it streams, or not JSON at all). */
function jsonObject(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string' || !text.trim().startsWith('{')) return undefined;
  try {
    return record(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** What a custom tool call's name says it is: X search tools start with `x_` or name X. */
function customKind(name: string): ServerToolKind | 'other' {
  if (/^x_|_x_|view_x_/i.test(name)) return 'xSearch';
  if (/web|browse|search/i.test(name)) return 'webSearch';
  if (/code|python|interpreter/i.test(name)) return 'codeExecution';
  return 'other';
}

/** The query (or URL) a search call looked for. */
function queryOf(item: NonNullable<ServerToolEvent['item']>, args: Record<string, unknown> | undefined): string | undefined {
  const action = record(item.action);
  const pick = (o: Record<string, unknown> | undefined) =>
    o && (str(o.query) ?? str(o.q) ?? (Array.isArray(o.queries) ? o.queries.filter((q) => typeof q === 'string').join('; ') || undefined : undefined) ?? str(o.url) ?? str(o.video_url) ?? str(o.image_url) ?? str(o.handle) ?? str(o.username));
  return pick(action) ?? pick(args);
}

/** Text of the code's output, whichever shape it came in. */
function outputOf(item: NonNullable<ServerToolEvent['item']>): string | undefined {
  const direct = str(item.output) ?? str(item.results);
  if (direct) return direct;
  const list = Array.isArray(item.outputs) ? item.outputs : Array.isArray(item.results) ? item.results : undefined;
  if (!list) return undefined;
  const parts = list.map((o) => (typeof o === 'string' ? o : (str(record(o)?.logs) ?? str(record(o)?.output) ?? str(record(o)?.text) ?? ''))).filter(Boolean);
  return parts.length ? parts.join('\n') : undefined;
}

/**
 * Decodes server-side tool events of one attempt. {@link push} returns true for events it consumed;
 * it also watches text deltas (not consumed) to know where each text part starts in the answer.
 */
export class ServerToolDecoder {
  /** A server-side tool call was seen (visible output: a retry would show it twice). */
  sawCall = false;
  private readonly calls = new Map<string, ServerToolCall>();
  private readonly idByIndex = new Map<number, string>();
  /** Text parts by `item_id#content_index`: where each starts in the answer, and its text so far. */
  private readonly parts = new Map<string, { start: number; text: string }>();
  private answerLength = 0;
  private readonly cited = new Set<string>();

  push(event: ServerToolEvent, out: TurnEvent[]): boolean {
    switch (event.type) {
      case 'response.output_text.delta':
        this.textDelta(event);
        return false;
      case 'response.output_item.added':
      case 'response.output_item.done':
        return this.item(event, out);
      case 'response.output_text.annotation.added':
        this.annotations(this.partKey(event.item_id, event.content_index), [event.annotation], out);
        return true;
      case 'response.custom_tool_call_input.delta':
      case 'response.custom_tool_call_input.done':
        return this.input(event, out);
      case 'response.code_interpreter_call_code.delta':
      case 'response.code_interpreter_call_code.done':
      case 'response.code_execution_call_code.delta':
      case 'response.code_execution_call_code.done':
        return this.code(event, out);
      case 'response.completed':
      case 'response.done':
      case 'response.incomplete':
        this.responseCitations(event.response?.citations, out);
        return false; // the main decoder still ends the turn
    }
    const status = EVENT_PREFIX.exec(event.type);
    if (!status) return false;
    const call = this.callFor(event, ITEM_KINDS[status[1]!] ?? 'other');
    const next = status[2] === 'completed' ? 'completed' : status[2] === 'failed' ? 'failed' : RUNNING.has(status[2]!) ? 'running' : call.status;
    if (call.status !== 'completed' || next === 'failed') call.status = next;
    this.emit(call, out);
    return true;
  }

  private textDelta(event: ServerToolEvent): void {
    const delta = event.delta ?? '';
    const key = this.partKey(event.item_id, event.content_index);
    let part = this.parts.get(key);
    if (!part) {
      part = { start: this.answerLength, text: '' };
      this.parts.set(key, part);
    }
    part.text += delta;
    this.answerLength += delta.length;
  }

  private partKey(itemId: string | null | undefined, contentIndex: unknown): string {
    return `${itemId ?? ''}#${typeof contentIndex === 'number' ? contentIndex : 0}`;
  }

  private item(event: ServerToolEvent, out: TurnEvent[]): boolean {
    const item = event.item;
    if (!item) return false;
    if (item.type === 'message') {
      // The finished message repeats its annotations with their final positions.
      if (event.type === 'response.output_item.done' && Array.isArray(item.content)) {
        item.content.forEach((part, i) => {
          const annotations = record(part)?.annotations;
          if (Array.isArray(annotations)) this.annotations(this.partKey(item.id, i), annotations, out);
        });
      }
      return false;
    }
    const kind = item.type === 'custom_tool_call' ? customKind(item.name ?? '') : ITEM_KINDS[item.type];
    if (!kind) return false;
    const call = this.callFor(event, kind);
    if (item.name && item.name !== item.type) call.name = item.name;
    const args = jsonObject(item.arguments) ?? jsonObject(item.input);
    const query = queryOf(item, args);
    if (query) call.query = query;
    const code = str(item.code) ?? str(args?.code);
    if (code) call.code = code;
    const output = outputOf(item);
    if (output) call.output = output;
    const status = str(item.status);
    if (status === 'completed') call.status = 'completed';
    else if (status === 'failed' || status === 'incomplete') call.status = 'failed';
    else if (event.type === 'response.output_item.done' && call.status === 'running') call.status = 'completed';
    this.emit(call, out);
    return true;
  }

  private input(event: ServerToolEvent, out: TurnEvent[]): boolean {
    const call = this.existing(event);
    if (!call) return false;
    const sofar = this.pendingInput.get(call.id) ?? '';
    const text = event.type.endsWith('.done') ? (str(event.input) ?? sofar) : `${sofar}${event.delta ?? ''}`;
    this.pendingInput.set(call.id, text);
    const query = queryOf({ type: 'custom_tool_call' }, jsonObject(text));
    if (query) call.query = query;
    this.emit(call, out);
    return true;
  }

  /** Custom tool input streamed so far, by call id. */
  private readonly pendingInput = new Map<string, string>();

  private code(event: ServerToolEvent, out: TurnEvent[]): boolean {
    const call = this.existing(event) ?? this.callFor(event, 'codeExecution');
    if (event.type.endsWith('.done')) call.code = str(event.code) ?? call.code;
    else call.code = `${call.code ?? ''}${event.delta ?? ''}`;
    this.emit(call, out);
    return true;
  }

  private existing(event: ServerToolEvent): ServerToolCall | undefined {
    const id = event.item_id ?? event.item?.id ?? (event.output_index != null ? this.idByIndex.get(event.output_index) : undefined);
    return id ? this.calls.get(id) : undefined;
  }

  private callFor(event: ServerToolEvent, kind: ServerToolKind | 'other'): ServerToolCall {
    const found = this.existing(event);
    if (found) return found;
    const id = event.item?.id || event.item_id || event.item?.call_id || `server_tool_${this.calls.size}`;
    const call: ServerToolCall = { id, kind, status: 'running' };
    this.calls.set(id, call);
    if (event.output_index != null) this.idByIndex.set(event.output_index, id);
    return call;
  }

  /** Emits the call's current state; a later state of the same call in this batch replaces it. */
  private emit(call: ServerToolCall, out: TurnEvent[]): void {
    this.sawCall = true;
    const last = out[out.length - 1];
    const snapshot: ServerToolCall = { ...call };
    if (last?.type === 'serverToolCall' && last.call.id === call.id) last.call = snapshot;
    else out.push({ type: 'serverToolCall', call: snapshot });
  }

  private annotations(partKey: string, annotations: readonly unknown[], out: TurnEvent[]): void {
    const part = this.parts.get(partKey);
    const citations: Citation[] = [];
    for (const raw of annotations) {
      const a = record(raw);
      const url = str(a?.url);
      if (!a || !url || (a.type !== undefined && a.type !== 'url_citation')) continue;
      const citation: Citation = { url };
      const title = str(a.title);
      if (title) citation.title = title;
      const start = a.start_index;
      const end = a.end_index;
      if (part && typeof start === 'number' && typeof end === 'number') {
        const span = citationSpan(part.text, start, end, url);
        if (span) {
          citation.start = part.start + span.start;
          citation.end = part.start + span.end;
        }
      }
      const key = `${url}@${citation.start ?? ''}`;
      if (this.cited.has(key)) continue;
      this.cited.add(key);
      citations.push(citation);
    }
    if (citations.length) out.push({ type: 'citations', citations });
  }

  private responseCitations(list: unknown, out: TurnEvent[]): void {
    if (!Array.isArray(list)) return;
    const citations: Citation[] = [];
    for (const entry of list) {
      const url = typeof entry === 'string' ? entry : str(record(entry)?.url);
      if (!url || this.cited.has(`${url}@`)) continue;
      this.cited.add(`${url}@`);
      const title = str(record(entry)?.title);
      citations.push(title ? { url, title } : { url });
    }
    if (citations.length) out.push({ type: 'citations', citations });
  }
}
