/**
 * xAI's server-side tools on a Responses request: the wire objects, and what the client learns from
 * the server's refusals. Two things are uncertain on the wire (shared/design/xai-protocol.md):
 * - where web search's domain filters go: xAI's docs put `allowed_domains` / `excluded_domains` on the
 *   tool, xAI's own agent nests them under `filters`. We start flat, and switch (and remember) when the
 *   server's error names the field it did not expect.
 * - whether a model offers a tool at all: a refusal naming the tool drops it (remembered) and the
 *   request is sent again without it, once.
 */
import type { ServerToolKind, ServerToolsSpec } from './types';

/** Where web search's domain filters go on the wire. */
export type FilterNesting = 'flat' | 'filters';

/** xAI's limits: at most 5 domains and 10 X handles per list. */
export const MAX_DOMAINS = 5;
export const MAX_HANDLES = 10;

/** The wire `type` of each tool kind. */
const WIRE_TYPE: Record<ServerToolKind, string> = { webSearch: 'web_search', xSearch: 'x_search', codeExecution: 'code_interpreter' };

/** Trimmed, de-duplicated, non-empty entries, at most `max`. Handles lose a leading `@`, domains a scheme. */
function cleanList(list: readonly string[] | undefined, max: number, kind: 'domain' | 'handle'): string[] {
  const out: string[] = [];
  for (const raw of list ?? []) {
    let value = raw.trim();
    value = kind === 'handle' ? value.replace(/^@/, '') : value.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
    if (value && !out.includes(value)) out.push(value);
    if (out.length === max) break;
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `tools` entries for `spec`, leaving out kinds in `dropped`. Allowed and excluded lists are
 * exclusive on xAI's side: when both are set, only the allowed list is sent.
 */
export function serverToolsWire(spec: ServerToolsSpec, nesting: FilterNesting, dropped: ReadonlySet<ServerToolKind> = new Set()): Record<string, unknown>[] {
  const tools: Record<string, unknown>[] = [];
  if (spec.webSearch && !dropped.has('webSearch')) {
    const allowed = cleanList(spec.webSearch.allowedDomains, MAX_DOMAINS, 'domain');
    const excluded = allowed.length ? [] : cleanList(spec.webSearch.excludedDomains, MAX_DOMAINS, 'domain');
    const filters: Record<string, unknown> = {};
    if (allowed.length) filters.allowed_domains = allowed;
    if (excluded.length) filters.excluded_domains = excluded;
    const tool: Record<string, unknown> = { type: WIRE_TYPE.webSearch };
    if (Object.keys(filters).length) {
      if (nesting === 'filters') tool.filters = filters;
      else Object.assign(tool, filters);
    }
    tools.push(tool);
  }
  if (spec.xSearch && !dropped.has('xSearch')) {
    const allowed = cleanList(spec.xSearch.allowedHandles, MAX_HANDLES, 'handle');
    const excluded = allowed.length ? [] : cleanList(spec.xSearch.excludedHandles, MAX_HANDLES, 'handle');
    const tool: Record<string, unknown> = { type: WIRE_TYPE.xSearch };
    if (allowed.length) tool.allowed_x_handles = allowed;
    if (excluded.length) tool.excluded_x_handles = excluded;
    const from = spec.xSearch.fromDate?.trim();
    const to = spec.xSearch.toDate?.trim();
    if (from && DATE.test(from)) tool.from_date = from;
    if (to && DATE.test(to)) tool.to_date = to;
    tools.push(tool);
  }
  if (spec.codeExecution && !dropped.has('codeExecution')) tools.push({ type: WIRE_TYPE.codeExecution });
  return tools;
}

/** What a refusal of a request with server-side tools teaches. */
export type ServerToolLesson = { kind: 'nesting'; nesting: FilterNesting } | { kind: 'drop'; tool: ServerToolKind };

const FILTER_FIELD = /[`'"]?(filters|allowed_domains|excluded_domains)[`'"]?/i;
const REJECTED_FIELD = /unknown field|unexpected (?:field|key|property)|unrecognized (?:field|key|argument|parameter)|not (?:a )?(?:valid|allowed|permitted) (?:field|key|property)|additional propert/i;
const TOOL_NAMES: readonly [RegExp, ServerToolKind][] = [
  [/\bweb_search\b|\bweb search\b/i, 'webSearch'],
  [/\bx_search\b|\bx search\b/i, 'xSearch'],
  [/\bcode_interpreter\b|\bcode_execution\b|\bcode execution\b/i, 'codeExecution'],
];
const TOOL_REFUSED = /not supported|unsupported|does not support|not available|unknown variant|not enabled|not allowed|invalid tool/i;

/**
 * Reads a 400/422 message of a request that carried server-side tools. A complaint about the domain
 * filter fields means the other nesting (from `current`); a refusal naming a tool means drop it.
 */
export function serverToolLesson(message: string, current: FilterNesting): ServerToolLesson | undefined {
  const field = FILTER_FIELD.exec(message)?.[1]?.toLowerCase();
  if (field && REJECTED_FIELD.test(message)) {
    // "unknown field `filters`" → go flat; "unknown field `allowed_domains`" → nest them.
    const nesting: FilterNesting = field === 'filters' ? 'flat' : 'filters';
    if (nesting !== current) return { kind: 'nesting', nesting };
  }
  if (field && /missing field/i.test(message) && current === 'flat') return { kind: 'nesting', nesting: 'filters' };
  if (!TOOL_REFUSED.test(message)) return undefined;
  const tool = TOOL_NAMES.find(([pattern]) => pattern.test(message))?.[1];
  return tool ? { kind: 'drop', tool } : undefined;
}

/** A user-facing line for a dropped tool. */
export function unavailableMessage(tool: ServerToolKind, model: string): string {
  const label = tool === 'webSearch' ? 'Web search' : tool === 'xSearch' ? 'X search' : 'Code execution';
  return `${label} is not available for ${model} here; answered without it.`;
}

/**
 * What the client has learned about server-side tools, for its lifetime: the filter nesting the
 * server accepts (one per server) and the tools each model refused.
 */
export class ServerToolCompat {
  nesting: FilterNesting = 'flat';
  private readonly droppedByModel = new Map<string, Set<ServerToolKind>>();

  /** Tools `model` refused. */
  dropped(model: string): ReadonlySet<ServerToolKind> {
    return this.droppedByModel.get(model) ?? new Set();
  }

  /**
   * Learns from a refusal of a request with `spec`; returns what changed (then resend once), or
   * undefined when the message says nothing new about server-side tools.
   */
  learn(model: string, spec: ServerToolsSpec | undefined, message: string): ServerToolLesson | undefined {
    if (!spec || serverToolsWire(spec, this.nesting, this.dropped(model)).length === 0) return undefined;
    const lesson = serverToolLesson(message, this.nesting);
    if (!lesson) return undefined;
    if (lesson.kind === 'nesting') {
      this.nesting = lesson.nesting;
      return lesson;
    }
    if (!spec[lesson.tool] || this.dropped(model).has(lesson.tool)) return undefined;
    const set = this.droppedByModel.get(model) ?? new Set<ServerToolKind>();
    set.add(lesson.tool);
    this.droppedByModel.set(model, set);
    return lesson;
  }
}
