/**
 * The agent's {@link WorkspaceTools} in VS Code: reads prefer an open editor's text (unsaved
 * changes win), list and search run the ripgrep VS Code ships (core's rg driver; the fallback is
 * `workspace.findFiles` plus a streaming scan), symbols and problems come from VS Code's providers,
 * and edits go to the chat's edit cards.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { rgListFiles, rgSearchText, ripgrepCandidates, type RipgrepSearch } from '../../core/agent/search/ripgrep';
import { scanForMatches } from '../../core/agent/search/scan';
import { nodeSpawn } from '../../core/agent/search/spawn';
import type { Bounded, DiagnosticHit, FileRead, SymbolHit, TextMatch, WorkspaceTools } from '../../core/agent/tools';
import type { FileChange } from '../../core/edits';
import { workspaceLabel } from './paths';
import { fileWorkspaceRoots } from '../edits/workspacePaths';

/** Files bigger than this are not loaded at all (read_file shows 200 KB at most anyway). */
const MAX_LOAD_BYTES = 20 * 1024 * 1024;

export type ProposeEdits = (turnId: string, files: FileChange[], options: { toolCallId: string; auto: boolean }, signal: AbortSignal) => Promise<string>;

export class VscodeWorkspaceTools implements WorkspaceTools {
  private rgPath: string | null | undefined;

  constructor(private readonly proposeEditsTo: ProposeEdits) {}

  roots(): readonly string[] {
    return fileWorkspaceRoots();
  }

  async readFile(absolutePath: string): Promise<FileRead> {
    const uri = vscode.Uri.file(absolutePath);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath);
    if (open) return { kind: 'editor', text: open.getText() };
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat) return { kind: 'missing' };
    if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
    if (stat.size > MAX_LOAD_BYTES) return { kind: 'tooLarge', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'disk', bytes, size: bytes.length };
  }

  async listFiles(query: { base?: string; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<string>> {
    const rg = this.ripgrep();
    if (rg) return rgListFiles(rg, query, signal);
    const found = await this.findFiles(query.base, query.glob, query.max + 1, signal);
    const items = found.map((u) => workspaceLabel(u)).sort();
    return { items: items.slice(0, query.max), truncated: items.length > query.max };
  }

  async searchText(query: { query: string; isRegex: boolean; glob?: string; max: number }, signal: AbortSignal): Promise<Bounded<TextMatch>> {
    const rg = this.ripgrep();
    if (rg) return rgSearchText(rg, query, signal);
    const files = await this.findFiles(undefined, query.glob, 20_000, signal);
    const byLabel = new Map(files.map((u) => [workspaceLabel(u), u]));
    const read = async (label: string): Promise<string | undefined> => {
      const uri = byLabel.get(label);
      if (!uri) return undefined;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
      return bytes ? new TextDecoder().decode(bytes) : undefined;
    };
    return scanForMatches([...byLabel.keys()], read, query, signal);
  }

  async findSymbols(query: string, max: number): Promise<Bounded<SymbolHit>> {
    const found = (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
    const items = found.slice(0, max).map((s) => ({
      name: s.name,
      kind: vscode.SymbolKind[s.kind]?.toLowerCase() ?? 'symbol',
      path: workspaceLabel(s.location.uri),
      line: s.location.range.start.line + 1,
      container: s.containerName || undefined,
    }));
    return { items, truncated: found.length > max };
  }

  async diagnostics(absolutePath: string | undefined, max: number): Promise<Bounded<DiagnosticHit>> {
    const entries: [vscode.Uri, readonly vscode.Diagnostic[]][] = absolutePath ? [[vscode.Uri.file(absolutePath), vscode.languages.getDiagnostics(vscode.Uri.file(absolutePath))]] : vscode.languages.getDiagnostics();
    const all = entries.flatMap(([uri, list]) =>
      list.map((d) => ({ path: workspaceLabel(uri), line: d.range.start.line + 1, severity: SEVERITY[d.severity], message: d.message, source: d.source })),
    );
    // Errors first: they are what a task usually has to fix.
    const order = { error: 0, warning: 1, info: 2, hint: 3 };
    all.sort((a, b) => order[a.severity] - order[b.severity]);
    return { items: all.slice(0, max), truncated: all.length > max };
  }

  proposeEdits(files: FileChange[], options: { auto: boolean; toolCallId: string; turnId: string }, signal: AbortSignal): Promise<string> {
    return this.proposeEditsTo(options.turnId, files, { toolCallId: options.toolCallId, auto: options.auto }, signal);
  }

  /** core's rg driver, configured with VS Code's rg and this window's excludes; undefined when rg is absent. */
  private ripgrep(): RipgrepSearch | undefined {
    if (this.rgPath === undefined) this.rgPath = ripgrepCandidates(vscode.env.appRoot).find((p) => existsSync(p)) ?? null;
    if (!this.rgPath) return undefined;
    return { rgPath: this.rgPath, roots: this.roots(), excludes: excludeGlobs(), spawn: nodeSpawn };
  }

  private async findFiles(base: string | undefined, glob: string | undefined, max: number, signal: AbortSignal): Promise<vscode.Uri[]> {
    const token = new vscode.CancellationTokenSource();
    signal.addEventListener('abort', () => token.cancel(), { once: true });
    try {
      const pattern = glob ?? '**/*';
      const include = base ? new vscode.RelativePattern(vscode.Uri.file(base), pattern) : pattern;
      // files.exclude applies by default; search.exclude is added here.
      const search = Object.entries(vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {}).filter(([, on]) => on === true).map(([p]) => p);
      return await vscode.workspace.findFiles(include, search.length ? `{${search.join(',')}}` : undefined, max, token.token);
    } finally {
      token.dispose();
    }
  }
}

const SEVERITY: Record<vscode.DiagnosticSeverity, DiagnosticHit['severity']> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

/** The `files.exclude` and `search.exclude` globs that are on (a `when` clause counts as off). */
export function excludeGlobs(): string[] {
  const on = (section: string) =>
    Object.entries(vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {})
      .filter(([, value]) => value === true)
      .map(([pattern]) => pattern);
  return [...new Set([...on('files'), ...on('search')])];
}
