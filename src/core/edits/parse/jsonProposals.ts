/**
 * `propose_edits` arguments written as text. Grok models have been seen writing a tool call as
 * JSON in the message instead of calling the tool; such an object, fenced or bare, is validated
 * exactly like real tool-call arguments.
 */
import { parseProposeEditsArgs, unwrapToolEnvelope, type ParsedProposal } from '../toolArgs';

/** Cheap pre-check: only JSON that talks about edits is worth parsing. */
export function mentionsEdits(text: string): boolean {
  return /\\?"(?:edits|files|content)\\?"\s*:|propose_edits/.test(text);
}

/** Whether a parsed value (envelope removed) has the shape of `propose_edits` arguments. */
function proposalShaped(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.files)) return record.files.some((f) => f !== null && typeof f === 'object' && 'path' in f);
  return 'path' in record && ('edits' in record || 'content' in record);
}

/**
 * The end (exclusive) of the JSON object starting at `start` (a `{`), respecting strings and
 * escapes; undefined when it never closes.
 */
export function objectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return undefined;
}

/**
 * Parses JSON text as `propose_edits` arguments. Returns undefined when the text is JSON of some
 * other shape (a package.json, an API response): that is not a proposal. Invalid JSON is an
 * error only when it names the tool or has "edits" (then it was meant as one).
 */
export function parseJsonProposal(json: string): ParsedProposal | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    if (!/propose_edits|\\?"edits\\?"\s*:/.test(json)) return undefined;
    return { ok: false, error: `the edit JSON is not valid: ${(error as Error).message}` };
  }
  const unwrapped = unwrapToolEnvelope(value);
  if (!proposalShaped(unwrapped) && !/propose_edits/.test(json)) return undefined;
  return parseProposeEditsArgs(unwrapped);
}

/** A JSON object found in prose, with its offsets in the text. */
export interface BareJson {
  start: number;
  end: number;
  json: string;
}

/**
 * Objects in plain text that start a line with `{` and mention edits. Unclosed ones are returned
 * up to the end of the text so that the caller can report them.
 */
export function findBareJson(text: string, lineStarts: readonly number[]): BareJson[] {
  const found: BareJson[] = [];
  let after = 0;
  for (const lineStart of lineStarts) {
    if (lineStart < after) continue;
    const brace = /^\s*\{/.exec(text.slice(lineStart, lineStart + 200));
    if (!brace) continue;
    const start = lineStart + brace[0].length - 1;
    const end = objectEnd(text, start) ?? text.length;
    const json = text.slice(start, end);
    if (!mentionsEdits(json)) continue;
    found.push({ start, end, json });
    after = end;
  }
  return found;
}
