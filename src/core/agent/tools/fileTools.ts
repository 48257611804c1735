/**
 * The file tools: `read_file`, `list_files` and `search_text`. Names and arguments are what the
 * model sees; keep them stable.
 */
import * as z from 'zod';
import { decodeRead, numberedSlice } from './readFormat';
import { defineTool, type Bounded } from './types';

const pathArg = z.string().trim().min(1).describe('File path relative to the workspace root, e.g. "src/app.ts".');
const maxResults = (fallback: number, cap: number) =>
  z.number().int().min(1).max(cap).optional().describe(`Most results to return (default ${fallback}, at most ${cap}).`);

/** `read_file { path, start_line?, end_line? }` */
export const readFileTool = defineTool({
  name: 'read_file',
  description: 'Read a text file of the workspace as numbered lines. Long files are cut at 2,000 lines or 200 KB; read on with start_line.',
  kind: 'read',
  schema: z
    .object({
      path: pathArg,
      start_line: z.number().int().min(1).optional().describe('First line to read (1-based).'),
      end_line: z.number().int().min(1).optional().describe('Last line to read (inclusive).'),
    })
    .refine((a) => a.end_line === undefined || a.start_line === undefined || a.end_line >= a.start_line, { message: 'end_line must not be before start_line', path: ['end_line'] }),
  keyArg: (a) => (a.start_line || a.end_line ? `${a.path}:${a.start_line ?? 1}-${a.end_line ?? ''}` : a.path),
  paths: (a) => [a.path],
  async execute(a, ctx) {
    const read = await ctx.host.readFile(ctx.resolve(a.path), ctx.signal);
    const decoded = decodeRead(read, a.path);
    if (!decoded.ok) return { content: decoded.message, isError: read.kind === 'missing' || read.kind === 'directory' };
    return { content: numberedSlice(decoded.text, a.path, a.start_line, a.end_line) };
  },
});

/** `list_files { path?, glob?, max_results? }` */
export const listFilesTool = defineTool({
  name: 'list_files',
  description: 'List files of the workspace (ignored files left out: .gitignore, files.exclude, search.exclude), optionally under a folder and matching a glob.',
  kind: 'read',
  schema: z.object({
    path: z.string().trim().min(1).optional().describe('Folder relative to the workspace root; default: the whole workspace.'),
    glob: z.string().trim().min(1).optional().describe('Glob the paths must match, e.g. "**/*.ts".'),
    max_results: maxResults(500, 5_000),
  }),
  keyArg: (a) => [a.path, a.glob].filter(Boolean).join(' ') || '.',
  paths: (a) => (a.path && a.path !== '.' ? [a.path] : []),
  async execute(a, ctx) {
    const max = a.max_results ?? 500;
    const base = a.path && a.path !== '.' ? ctx.resolve(a.path) : undefined;
    const found = await ctx.host.listFiles({ base, glob: a.glob, max }, ctx.signal);
    if (found.items.length === 0) return { content: `No files found${a.path ? ` under ${a.path}` : ''}${a.glob ? ` matching ${a.glob}` : ''}.` };
    return { content: `${found.items.join('\n')}${truncationNote(found, max)}` };
  },
});

/** `search_text { query, is_regex?, glob?, max_results? }` */
export const searchTextTool = defineTool({
  name: 'search_text',
  description: 'Search the text of workspace files (ignored files left out). Returns path:line: text for each matching line.',
  kind: 'read',
  schema: z.object({
    query: z.string().min(1).describe('Text to find (case-insensitive unless it has capitals), or a regular expression with is_regex.'),
    is_regex: z.boolean().optional().describe('Treat query as a regular expression (Rust regex syntax).'),
    glob: z.string().trim().min(1).optional().describe('Only files matching this glob, e.g. "src/**/*.ts".'),
    max_results: maxResults(100, 1_000),
  }),
  keyArg: (a) => (a.glob ? `${a.query} in ${a.glob}` : a.query),
  async execute(a, ctx) {
    const max = a.max_results ?? 100;
    const found = await ctx.host.searchText({ query: a.query, isRegex: a.is_regex ?? false, glob: a.glob, max }, ctx.signal);
    if (found.items.length === 0) return { content: `No matches for ${JSON.stringify(a.query)}${a.glob ? ` in ${a.glob}` : ''}.` };
    const lines = found.items.map((m) => `${m.path}:${m.line}: ${clip(m.text.trim(), 300)}`);
    return { content: `${lines.join('\n')}${truncationNote(found, max)}` };
  },
});

/** Cuts a long line (minified code) so one hit cannot flood the answer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The note under a list that was cut. */
export function truncationNote(found: Bounded<unknown>, max: number): string {
  return found.truncated ? `\n[Showing the first ${max} results; there are more. Narrow with glob or path.]` : '';
}
