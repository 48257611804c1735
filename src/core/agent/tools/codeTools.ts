/** The language tools: `find_symbols` and `get_diagnostics`, answered by VS Code's own providers. */
import * as z from 'zod';
import { clip, truncationNote } from './fileTools';
import { defineTool } from './types';

const MAX_SYMBOLS = 100;
const MAX_DIAGNOSTICS = 200;

/** `find_symbols { query }` */
export const findSymbolsTool = defineTool({
  name: 'find_symbols',
  description: 'Find classes, functions and other symbols by name across the workspace (the language servers answer).',
  kind: 'read',
  schema: z.object({ query: z.string().trim().min(1).describe('Symbol name or part of it.') }),
  keyArg: (a) => a.query,
  async execute(a, ctx) {
    const found = await ctx.host.findSymbols(a.query, MAX_SYMBOLS, ctx.signal);
    if (found.items.length === 0) return { content: `No symbols match ${JSON.stringify(a.query)} (a language extension may still be loading).` };
    const lines = found.items.map((s) => `${s.kind} ${s.name}${s.container ? ` (in ${s.container})` : ''} — ${s.path}:${s.line}`);
    return { content: `${lines.join('\n')}${truncationNote(found, MAX_SYMBOLS)}` };
  },
});

/** `get_diagnostics { path? }` */
export const getDiagnosticsTool = defineTool({
  name: 'get_diagnostics',
  description: 'Errors and warnings from the Problems view, for one file or the whole workspace.',
  kind: 'read',
  schema: z.object({ path: z.string().trim().min(1).optional().describe('File path relative to the workspace root; default: every file.') }),
  keyArg: (a) => a.path ?? 'workspace',
  paths: (a) => (a.path ? [a.path] : []),
  async execute(a, ctx) {
    const found = await ctx.host.diagnostics(a.path ? ctx.resolve(a.path) : undefined, MAX_DIAGNOSTICS);
    if (found.items.length === 0) return { content: `No problems reported${a.path ? ` in ${a.path}` : ''}.` };
    const lines = found.items.map((d) => `${d.path}:${d.line}: ${d.severity}: ${clip(d.message, 500)}${d.source ? ` [${d.source}]` : ''}`);
    return { content: `${lines.join('\n')}${truncationNote(found, MAX_DIAGNOSTICS)}` };
  },
});
