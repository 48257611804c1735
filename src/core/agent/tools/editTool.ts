/**
 * `propose_edits` as an agent tool: the same schema and validation as in chat (src/core/edits),
 * executed through the host, which previews the edits for the user (or applies them when the user
 * allowed automatic edits) and says what became of them.
 */
import * as z from 'zod';
import { PROPOSE_EDITS_TOOL_NAME, proposeEditsArgsSchema, proposeEditsTool } from '../../edits/schema';
import { toFileChange, unwrapToolEnvelope } from '../../edits/toolArgs';
import { defineTool } from './types';

/** A bare single-file object (`{ path, edits }`) is accepted as `{ files: [it] }`, as in chat. */
function normalise(value: unknown): unknown {
  const v = unwrapToolEnvelope(value);
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !('files' in v) && 'path' in v) return { files: [v] };
  return v;
}

const schema = z.preprocess(normalise, proposeEditsArgsSchema);

/** `propose_edits { files: [{ path, edits | content }] }` */
export const proposeEditsAgentTool = defineTool({
  name: PROPOSE_EDITS_TOOL_NAME,
  description: proposeEditsTool().description,
  parameters: proposeEditsTool().parameters,
  kind: 'edit',
  schema,
  keyArg: (a: z.infer<typeof schema>) => a.files.map((f) => f.path).join(', '),
  paths: (a: z.infer<typeof schema>) => a.files.map((f) => f.path),
  async execute(a: z.infer<typeof schema>, ctx) {
    const files = a.files.map(toFileChange);
    const content = await ctx.host.proposeEdits(files, { auto: ctx.autoEdits, toolCallId: ctx.toolCallId, turnId: ctx.turnId }, ctx.signal);
    return { content };
  },
});
