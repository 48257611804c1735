/**
 * The agent's tool set and the two things every tool shares: its JSON Schema (from its zod schema)
 * and the validation of a call's arguments (JSON text → typed value, or one error line the model
 * can act on). `run_command` plugs in as one more {@link AgentTool} of kind `command`.
 */
import * as z from 'zod';
import type { ToolSpec } from '../../api';
import { cleanSchema } from '../../edits/schema';
import { describeIssues, unwrapToolEnvelope } from '../../edits/toolArgs';
import { findSymbolsTool, getDiagnosticsTool } from './codeTools';
import { proposeEditsAgentTool } from './editTool';
import { listFilesTool, readFileTool, searchTextTool } from './fileTools';
import type { AgentTool } from './types';

export type { AgentTool, Bounded, CardDetail, DiagnosticHit, FileRead, JudgeVerdict, SymbolHit, TextMatch, ToolContext, ToolKind, ToolOutput, WorkspaceTools } from './types';
export { defineTool } from './types';

/** The built-in tools, in the order the model sees them. */
export const BUILTIN_TOOLS: readonly AgentTool[] = [listFilesTool, searchTextTool, readFileTool, findSymbolsTool, getDiagnosticsTool, proposeEditsAgentTool];

/** The tool as offered to the model. */
export function toolSpec(tool: AgentTool): ToolSpec {
  const parameters = tool.parameters ?? (cleanSchema(z.toJSONSchema(tool.schema, { io: 'input' })) as Record<string, unknown>);
  return { name: tool.name, description: tool.description, parameters };
}

/** Validated arguments, or the error to send back to the model. */
export type ParsedArgs = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Validates a call's arguments: JSON text (empty means `{}`), with the envelopes models wrap around
 * arguments written as text undone, against the tool's schema.
 */
export function parseToolArgs(tool: AgentTool, raw: string): ParsedArgs {
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { ok: false, error: `the arguments are not valid JSON: ${(error as Error).message}` };
    }
  }
  if (tool.name !== 'propose_edits') value = unwrapArgs(value, tool.name);
  const parsed = tool.schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}

/** `{"name":"read_file","arguments":{…}}` → `{…}`; anything else as it is. */
function unwrapArgs(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (record.name !== name && record.tool !== name) return value;
  const inner = record.arguments ?? record.parameters ?? record.args ?? record.input;
  return inner === undefined ? value : unwrapToolEnvelope(inner);
}
