import type { Frames } from './chatFrames';
import type { InferenceBody } from './context';
import { responsesFrames } from './responsesFrames';
import { chunkText, usageFor, type AnswerScript } from './script';

/**
 * Server-side tools on the Responses stream, in the two shapes a client must accept:
 * - `xai`: what recorded xAI traffic shows: search items that arrive already completed with JSON
 *   `arguments`, X search as `custom_tool_call` items with streamed JSON `input`, code as a
 *   `code_interpreter_call` item with `arguments.code` and an `output` string, citation indices in code points;
 * - `openai`: the OpenAI-style schema xAI also documents: `action.query`, status events
 *   (`in_progress` → `searching` → `completed`), code streamed by `code_interpreter_call_code.delta`
 *   with `outputs[].logs`, citation indices in UTF-16 units.
 * `units` overrides the citation index unit (`codePoint` | `utf16` | `byte`).
 */
export interface ServerToolOptions {
  shape: 'xai' | 'openai';
  units?: 'codePoint' | 'utf16' | 'byte';
  /** Leave `cost_in_usd_ticks` out (then the client prices calls itself). */
  noTicks?: boolean;
}

/** The sources the fake "found", in citation order. Titles are untrusted text, one carries markup. */
export const FAKE_SOURCES = [
  { url: 'https://nodejs.org/en/blog/release/v22.12.0', title: 'Node.js v22.12.0 (LTS) — release notes' },
  { url: 'https://github.com/nodejs/node/issues/55000', title: 'require(esm) <b>unflagged</b> · Issue #55000' },
];
/** Read during the search but not cited in the text (only in the response's `citations` list). */
export const FAKE_UNCITED = 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Modules';

export const FAKE_CODE = 'import sys\nprint(sum(range(1, 101)))\nprint(sys.version.split()[0])';
export const FAKE_CODE_OUTPUT = '5050\n3.12.4';

type Tools = { web: boolean; x: boolean; code: boolean };

/** Which server-side tools the request offered. */
export function offeredTools(body: InferenceBody): Tools {
  const types = new Set((body.tools ?? []).map((t) => (t as { type?: string }).type));
  return { web: types.has('web_search'), x: types.has('x_search'), code: types.has('code_interpreter') || types.has('code_execution') };
}

/** The answer: multi-byte text before each `[[n]](url)` marker, so index units matter. */
function answerText(tools: Tools): { text: string; markers: { url: string; title: string; marker: string }[] } {
  const markers = FAKE_SOURCES.map((s, i) => ({ ...s, marker: `[[${i + 1}]](${s.url})` }));
  let text = '';
  if (tools.web || tools.x) {
    text +=
      `Node.js 22.12 — „LTS“ 🚀 — runs \`require()\` of ES modules without a flag ${markers[0]!.marker}. ` +
      `The change landed after a long discussion ✅ ${markers[1]!.marker}.\n\n`;
  }
  if (tools.code) text += `The sandbox computed **5050** for 1 + 2 + … + 100.`;
  if (!text) text = 'No tools were offered, so nothing was searched.';
  return { text, markers: tools.web || tools.x ? markers : [] };
}

function indexIn(text: string, utf16: number, units: NonNullable<ServerToolOptions['units']>): number {
  const before = text.slice(0, utf16);
  if (units === 'utf16') return utf16;
  if (units === 'byte') return Buffer.byteLength(before, 'utf8');
  return [...before].length;
}

/** Parses the SSE frames of {@link responsesFrames}, so tool events can be woven in. */
function parseFrames(frames: readonly string[]): Record<string, unknown>[] {
  return frames.map((f) => JSON.parse(f.replace(/^data: /, '').trim()) as Record<string, unknown>);
}

/** Tool events for the offered tools, in the chosen shape. Output indices start at `first`. */
function toolEvents(tools: Tools, shape: ServerToolOptions['shape'], query: string, first: number): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  let index = first;
  if (tools.web) {
    const id = `ws_fake_${index}`;
    if (shape === 'xai') {
      const item = { arguments: JSON.stringify({ query, num_results: 5 }), call_id: '', name: 'web_search', type: 'web_search_call', id, status: 'completed' };
      events.push({ type: 'response.output_item.added', item, output_index: index }, { type: 'response.output_item.done', item, output_index: index });
    } else {
      events.push({ type: 'response.output_item.added', item: { id, type: 'web_search_call', status: 'in_progress', action: { type: 'search', query: '' } }, output_index: index });
      for (const step of ['in_progress', 'searching', 'completed']) events.push({ type: `response.web_search_call.${step}`, item_id: id, output_index: index });
      events.push({ type: 'response.output_item.done', item: { id, type: 'web_search_call', status: 'completed', action: { type: 'search', query, sources: FAKE_SOURCES.map((s) => ({ type: 'url', url: s.url })) } }, output_index: index });
    }
    index++;
  }
  if (tools.x) {
    const id = `ctc_fake_xs_${index}`;
    const input = JSON.stringify({ query: `${query} from:nodejs`, limit: 10, mode: 'Latest' });
    if (shape === 'xai') {
      events.push({ type: 'response.output_item.added', item: { call_id: `xs_call_${index}`, input: '', name: 'x_keyword_search', type: 'custom_tool_call', id, status: 'in_progress' }, output_index: index });
      for (const delta of chunkText(input, 17)) events.push({ type: 'response.custom_tool_call_input.delta', item_id: id, output_index: index, delta });
      events.push({ type: 'response.custom_tool_call_input.done', item_id: id, output_index: index, input });
      events.push({ type: 'response.output_item.done', item: { call_id: `xs_call_${index}`, input, name: 'x_keyword_search', type: 'custom_tool_call', id, status: 'completed' }, output_index: index });
    } else {
      events.push({ type: 'response.output_item.added', item: { id, type: 'x_search_call', status: 'in_progress', action: { type: 'search', query: '' } }, output_index: index });
      events.push({ type: 'response.x_search_call.searching', item_id: id, output_index: index });
      events.push({ type: 'response.output_item.done', item: { id, type: 'x_search_call', status: 'completed', action: { type: 'search', query: `${query} from:nodejs` } }, output_index: index });
    }
    index++;
  }
  if (tools.code) {
    const id = `ci_fake_${index}`;
    if (shape === 'xai') {
      const item = { arguments: JSON.stringify({ code: FAKE_CODE }), call_id: '', name: 'code_execution', type: 'code_interpreter_call', id, status: 'completed', output: FAKE_CODE_OUTPUT };
      events.push({ type: 'response.output_item.added', item: { ...item, output: undefined }, output_index: index }, { type: 'response.output_item.done', item, output_index: index });
    } else {
      events.push({ type: 'response.output_item.added', item: { id, type: 'code_interpreter_call', status: 'in_progress', code: '' }, output_index: index });
      events.push({ type: 'response.code_interpreter_call.in_progress', item_id: id, output_index: index });
      for (const delta of chunkText(FAKE_CODE, 11)) events.push({ type: 'response.code_interpreter_call_code.delta', item_id: id, output_index: index, delta });
      events.push({ type: 'response.code_interpreter_call_code.done', item_id: id, output_index: index, code: FAKE_CODE });
      events.push({ type: 'response.code_interpreter_call.interpreting', item_id: id, output_index: index });
      events.push({ type: 'response.code_interpreter_call.completed', item_id: id, output_index: index });
      events.push({ type: 'response.output_item.done', item: { id, type: 'code_interpreter_call', status: 'completed', code: FAKE_CODE, outputs: [{ type: 'logs', logs: FAKE_CODE_OUTPUT }] }, output_index: index });
    }
  }
  return events;
}

/**
 * A whole Responses stream that uses the offered server-side tools: their calls, then the answer
 * with inline citation markers and `url_citation` annotations, then `response.completed` with the
 * response's `citations` list, `server_side_tool_usage_details` and ticks that include the calls.
 */
export function serverToolFrames(body: InferenceBody, model: string, id: string, options: ServerToolOptions): Frames {
  const tools = offeredTools(body);
  const { text, markers } = answerText(tools);
  const script: AnswerScript = { model, reasoning: chunkText('Search first, then answer with sources.', 13), text: chunkText(text, 9), usage: usageFor(400, text, 'Search first.') };
  const base = responsesFrames(script, id, body.tools ?? []);
  const events = parseFrames([...base.body, ...base.tail]);
  const messageAt = events.findIndex((e) => e.type === 'response.output_item.added' && (e.item as { type?: string }).type === 'message');
  // Tools run before the message; the message and everything after it move up by the tool items.
  const toolCount = Number(tools.web) + Number(tools.x) + Number(tools.code);
  const firstIndex = Number((events[messageAt] as { output_index?: number }).output_index ?? 0);
  for (const e of events.slice(messageAt)) if (typeof e.output_index === 'number') e.output_index += toolCount;
  const units = options.units ?? (options.shape === 'xai' ? 'codePoint' : 'utf16');
  const annotations = markers.map((m) => {
    const at = text.indexOf(m.marker);
    return { type: 'url_citation', url: m.url, title: m.title, start_index: indexIn(text, at, units), end_index: indexIn(text, at + m.marker.length, units) };
  });
  const out: Record<string, unknown>[] = [];
  for (const e of events) {
    if (e === events[messageAt]) out.push(...toolEvents(tools, options.shape, 'node 22 require esm', firstIndex));
    if (e.type === 'response.output_text.done') {
      // Annotations are announced once the text they point into has streamed.
      annotations.forEach((annotation, i) => out.push({ type: 'response.output_text.annotation.added', item_id: e.item_id, output_index: e.output_index, content_index: 0, annotation_index: i, annotation }));
    }
    if (e.type === 'response.output_item.done' && (e.item as { type?: string }).type === 'message') {
      (e.item as { content: Record<string, unknown>[] }).content[0]!.annotations = annotations;
    }
    if (e.type === 'response.completed') {
      const response = e.response as Record<string, unknown> & { usage: Record<string, unknown> };
      const calls = { web_search_calls: Number(tools.web), x_search_calls: Number(tools.x), code_interpreter_calls: Number(tools.code), file_search_calls: 0, mcp_calls: 0, document_search_calls: 0 };
      response.usage.num_server_side_tools_used = toolCount;
      response.usage.server_side_tool_usage_details = calls;
      // $5 per 1,000 calls = 5e7 ticks a call, on top of the tokens.
      if (options.noTicks) delete response.usage.cost_in_usd_ticks;
      else response.usage.cost_in_usd_ticks = Number(response.usage.cost_in_usd_ticks ?? 0) + toolCount * 50_000_000;
      if (tools.web || tools.x) response.citations = [...FAKE_SOURCES.map((s) => s.url), FAKE_UNCITED];
    }
    out.push(e);
  }
  const frames = out.map((e, i) => `data: ${JSON.stringify({ ...e, sequence_number: i })}\n\n`);
  return { body: frames.slice(0, -1), tail: frames.slice(-1) };
}

/** The 422 xAI gives when a tool object has a field it does not know (serde's wording). */
export function unknownFieldError(field: string, expected: readonly string[], index: number): { error: string } {
  return { error: `Failed to deserialize the JSON body into the target type: tools[${index}]: unknown field \`${field}\`, expected one of ${expected.map((e) => `\`${e}\``).join(', ')} at line 1 column 412` };
}

/**
 * Checks web search's domain filters against the nesting this fake accepts: the 422 for the other
 * one, else undefined.
 */
export function checkFilterNesting(body: InferenceBody, accepts: 'flat' | 'filters'): { error: string } | undefined {
  const tools = (body.tools ?? []) as Record<string, unknown>[];
  const index = tools.findIndex((t) => t.type === 'web_search');
  const tool = tools[index];
  if (!tool) return undefined;
  if (accepts === 'flat' && 'filters' in tool) return unknownFieldError('filters', ['type', 'allowed_domains', 'excluded_domains', 'enable_image_understanding'], index);
  if (accepts === 'filters') {
    const flat = ['allowed_domains', 'excluded_domains'].find((k) => k in tool);
    if (flat) return unknownFieldError(flat, ['type', 'filters', 'enable_image_understanding', 'user_location'], index);
  }
  return undefined;
}
