/**
 * The structured-edit format, defined once with zod. The same schemas produce the JSON Schema of
 * the `propose_edits` tool offered to the model and validate what comes back (a tool call's
 * arguments, or the same JSON written as text).
 *
 * One call holds several files (`{ files: [...] }`) rather than one call per file: a multi-file
 * change is one proposal the user accepts together, and one call keeps it atomic even when the
 * model or the API would otherwise split or drop parallel calls. A bare single-file object
 * (`{ path, edits }`) is accepted too, since it costs one line and models do send it.
 */
import * as z from 'zod';

/** One search/replace edit. */
export const searchReplaceEditSchema = z.object({
  search: z
    .string()
    .describe(
      'Text to find in the current file, copied exactly (same indentation and whitespace), with enough surrounding lines to occur only once. Empty only for a new or empty file.',
    ),
  replace: z.string().describe('Text to put in its place, written literally (no regex or $ substitutions). Empty to delete.'),
  line: z.number().int().min(1).optional().describe('Optional 1-based line number where search starts in the current file; a hint used to pick between identical places.'),
});

/** One file: either `edits` (search/replace) or `content` (new file or complete new content). */
export const fileEditSchema = z
  .object({
    path: z.string().trim().min(1).describe('File path relative to the workspace root, e.g. "src/app.ts".'),
    edits: z.array(searchReplaceEditSchema).min(1).optional().describe('Search/replace edits, located independently in the current file and applied together.'),
    content: z.string().optional().describe('The complete content of a new file, or the full replacement of an existing one. Use instead of edits; never abbreviate with placeholders.'),
  })
  .superRefine((value, ctx) => {
    if ((value.edits === undefined) === (value.content === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of "edits" or "content"', path: [] });
    }
  });

/** Arguments of the `propose_edits` tool. */
export const proposeEditsArgsSchema = z.object({
  files: z.array(fileEditSchema).min(1).describe('The files to change; the user reviews and accepts them together.'),
  reason: z.string().optional().describe('One sentence for the user: what the change does and why. Shown on the edit card.'),
});

/** A file entry as validated (before conversion to a `FileChange`). */
export type FileEditArgs = z.infer<typeof fileEditSchema>;
/** `propose_edits` arguments as validated. */
export type ProposeEditsArgs = z.infer<typeof proposeEditsArgsSchema>;

/** Name of the tool offered to the model. */
export const PROPOSE_EDITS_TOOL_NAME = 'propose_edits';

const TOOL_DESCRIPTION = [
  'Propose changes to files in the workspace. The user previews them as a diff and accepts or rejects them; you get the result back.',
  'For an existing file, prefer small search/replace edits: copy each search text exactly from the current file, including indentation, and make it unique by including a few surrounding lines.',
  'Edits of one file are located independently and must not overlap. Use content only for a new file or a complete rewrite, and never elide code with comments like "... existing code ...".',
].join(' ');

/** A JSON Schema object (kept loose: it is only serialized into the request). */
export type JsonSchema = { [key: string]: unknown };

/**
 * Removes what the tool schema must not carry: `additionalProperties` (xAI rejects
 * `additionalProperties: false` in some tool schemas, see the protocol notes), `$schema`, and
 * zod's safe-integer `maximum` (noise for the model).
 */
export function cleanSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' || key === '$schema') continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    out[key] = cleanSchema(value);
  }
  return out;
}

/** A tool definition, neutral between Chat Completions and Responses (the client wraps it). */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** The `propose_edits` tool: name, description and JSON Schema parameters derived from the zod schema. */
export function proposeEditsTool(): ToolDefinition {
  const parameters = cleanSchema(z.toJSONSchema(proposeEditsArgsSchema, { io: 'input' })) as JsonSchema;
  return { name: PROPOSE_EDITS_TOOL_NAME, description: TOOL_DESCRIPTION, parameters };
}
