/**
 * Validation of `propose_edits` arguments: from the JSON string of a tool call (or an already
 * parsed value) to typed file changes, or to one clear error message the model can act on.
 */
import type { z } from 'zod';
import { PROPOSE_EDITS_TOOL_NAME, fileEditSchema, proposeEditsArgsSchema, type FileEditArgs } from './schema';
import type { FileChange } from './types';

/** Validated file changes, or an error naming what is wrong and where. */
export type ParsedProposal = { ok: true; files: FileChange[]; reason?: string } | { ok: false; error: string };

/** The first issues of a zod error as one line the model can act on: `files[0].path: Required; …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      return `${where || 'arguments'}: ${issue.message}`;
    })
    .join('; ');
}

/** Converts a validated file entry into the planner's `FileChange`. */
export function toFileChange(entry: FileEditArgs): FileChange {
  if (entry.content !== undefined) return { kind: 'whole', path: entry.path, content: entry.content };
  const edits = (entry.edits ?? []).map(({ search, replace, line }) => (line === undefined ? { search, replace } : { search, replace, line }));
  return { kind: 'edits', path: entry.path, edits };
}

/**
 * Unwraps the envelopes models put around arguments when they write a tool call as text:
 * `{"name":"propose_edits","arguments":{…}}`, `{"function":{…}}`, `{"parameters":{…}}`, and
 * arguments encoded as a JSON string inside JSON.
 */
export function unwrapToolEnvelope(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 4; depth++) {
    if (typeof current === 'string') {
      try {
        current = JSON.parse(current);
        continue;
      } catch {
        return current;
      }
    }
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return current;
    const record = current as Record<string, unknown>;
    if ('files' in record || 'path' in record) return current;
    const inner = record.arguments ?? record.parameters ?? record.input ?? record.function;
    if (inner === undefined) return current;
    if (typeof record.name === 'string' && record.name !== PROPOSE_EDITS_TOOL_NAME) return current;
    current = inner;
  }
  return current;
}

/**
 * Validates `propose_edits` arguments. Accepts the JSON string of a tool call or a parsed value,
 * either `{ files: [...] }` or a single `{ path, edits | content }`.
 */
export function parseProposeEditsArgs(args: string | unknown): ParsedProposal {
  let value: unknown = args;
  if (typeof args === 'string') {
    try {
      value = JSON.parse(args);
    } catch (error) {
      return { ok: false, error: `arguments are not valid JSON: ${(error as Error).message}` };
    }
  }
  value = unwrapToolEnvelope(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('files' in value) && 'path' in value) {
    const single = fileEditSchema.safeParse(value);
    if (!single.success) return { ok: false, error: describeIssues(single.error) };
    return withReason([toFileChange(single.data)], value);
  }
  const parsed = proposeEditsArgsSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  return withReason(parsed.data.files.map(toFileChange), value);
}

/** The proposal with its `reason` (models also call it `explanation`), trimmed and capped for the card. */
function withReason(files: FileChange[], value: unknown): ParsedProposal {
  if (typeof value !== 'object' || value === null) return { ok: true, files };
  const raw = 'reason' in value ? value.reason : 'explanation' in value ? value.explanation : undefined;
  const reason = typeof raw === 'string' ? raw.trim().slice(0, 500) : '';
  return reason ? { ok: true, files, reason } : { ok: true, files };
}
