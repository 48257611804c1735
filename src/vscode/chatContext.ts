import * as vscode from 'vscode';
import type { ContextItem } from '../core/chat/prompt';
import { redactSecrets } from '../core/chat/secrets';
import { estimateTokens } from '../core/chat/tokens';
import { excludeGlob, fileSearchPattern } from '../core/fileSearch';
import type { AttachmentView } from '../shared/protocol';
import { classifyWorkspacePath } from './edits/workspacePaths';

/** Files larger than this are attached truncated (with a note) so one file cannot eat the context. */
const MAX_FILE_CHARS = 200_000;

/** Identifies a selection in a document (its version too: an edit makes it a new selection). */
function selectionKey(editor: vscode.TextEditor): string {
  const { start, end } = editor.selection;
  return `${editor.document.uri.toString()}@${editor.document.version}:${start.line}.${start.character}-${end.line}.${end.character}`;
}

interface Pinned {
  id: string;
  uri: vscode.Uri;
}

/**
 * The context chips of the next message: the active editor's selection (or file), which follows the
 * editor and can be removed, plus files pinned with `@`. Reads and redacts content when asked.
 */
export class ChatContext implements vscode.Disposable {
  private pinned: Pinned[] = [];
  /** The editor document whose automatic chip the user removed (until another editor is active). */
  private dismissed: string | undefined;
  /** The selection last sent (document and range): it is not sent again until the selection changes. */
  private sentSelection: string | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private nextId = 1;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.dismissed = undefined;
        this.emitter.fire();
      }),
      // Selection events fire on every cursor move, and the chips re-read and redact the text:
      // wait until the cursor rests.
      vscode.window.onDidChangeTextEditorSelection(() => {
        if (this.selectionTimer) clearTimeout(this.selectionTimer);
        this.selectionTimer = setTimeout(() => this.emitter.fire(), 250);
      }),
    ];
  }

  private activeEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    // Real files only: not previews (grok-edit), output panels, git views or settings.
    if (!editor || !['file', 'untitled'].includes(editor.document.uri.scheme)) return undefined;
    return this.dismissed === editor.document.uri.toString() ? undefined : editor;
  }

  /** The chips to show now, with token estimates and redaction counts. */
  views(): AttachmentView[] {
    return this.collect().map(({ view }) => view);
  }

  /** What to send: the items (redacted) and their chips. */
  items(): { items: ContextItem[]; views: AttachmentView[] } {
    const collected = this.collect();
    return { items: collected.map((c) => c.item), views: collected.map((c) => c.view) };
  }

  private collect(): { item: ContextItem; view: AttachmentView }[] {
    const out: { item: ContextItem; view: AttachmentView }[] = [];
    const editor = this.activeEditor();
    // The active file pinned with `@` too: one chip, the pinned one (the user chose it).
    if (editor && !this.pinned.some((p) => p.uri.toString() === editor.document.uri.toString())) {
      const doc = editor.document;
      const sel = editor.selection;
      const path = vscode.workspace.asRelativePath(doc.uri);
      if (!sel.isEmpty && selectionKey(editor) !== this.sentSelection) {
        const startLine = sel.start.line + 1;
        const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line : sel.end.line + 1;
        out.push(this.entry('auto', 'selection', path, doc.languageId, doc.getText(sel), startLine, endLine));
      } else {
        out.push(this.entry('auto', 'file', path, doc.languageId, doc.getText()));
      }
    }
    for (const p of this.pinned) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri.toString());
      if (!doc) continue; // opened in attach(); closed documents are re-opened lazily there
      out.push(this.entry(p.id, 'file', vscode.workspace.asRelativePath(p.uri), doc.languageId, doc.getText()));
    }
    return out;
  }

  private entry(id: string, kind: 'file' | 'selection', path: string, language: string, raw: string, startLine?: number, endLine?: number) {
    const truncated = raw.length > MAX_FILE_CHARS;
    const { text, count } = redactSecrets(truncated ? raw.slice(0, MAX_FILE_CHARS) : raw, path);
    const tokens = estimateTokens(text);
    const name = path.split('/').pop() ?? path;
    const label = kind === 'selection' ? `${name}:${startLine}-${endLine}` : name;
    const notes = [`${path}`, `~${tokens.toLocaleString('en-US')} tokens`];
    if (truncated) notes.push(`first ${MAX_FILE_CHARS.toLocaleString('en-US')} characters only`);
    if (count) notes.push(`${count} secret${count === 1 ? '' : 's'} redacted`);
    const view: AttachmentView = { id, kind, label, detail: notes.join(' · ') };
    if (count) view.redactions = count;
    const item: ContextItem = { kind, path, language, text, startLine, endLine };
    return { item, view };
  }

  /**
   * Pins a workspace file (from the `@` picker). A path that leads out of the workspace, through a
   * symlink too, is refused before anything is read.
   */
  async attach(path: string): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = /^[a-z][a-z0-9+.-]*:/i.test(path) ? vscode.Uri.parse(path) : folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
    if (!uri) return 'Open a folder to attach files.';
    if (!vscode.workspace.getWorkspaceFolder(uri)) return 'Only files inside the workspace can be attached.';
    if (uri.scheme === 'file') {
      const check = await classifyWorkspacePath(uri.fsPath);
      if (!check.ok && (check.reason === 'outside-workspace' || !check.confirmable)) return `Only files inside the workspace can be attached: ${check.message}.`;
    }
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      return `Could not read ${path}.`;
    }
    if (!this.pinned.some((p) => p.uri.toString() === uri.toString())) this.pinned.push({ id: `pin-${this.nextId++}`, uri });
    this.emitter.fire();
    return undefined;
  }

  remove(id: string): void {
    if (id === 'auto') this.dismissed = vscode.window.activeTextEditor?.document.uri.toString();
    else this.pinned = this.pinned.filter((p) => p.id !== id);
    this.emitter.fire();
  }

  /**
   * After a message is sent, pinned files are unpinned and the selection that went with it is used
   * up (the automatic chip shows the file until the selection changes), so a stray selection does
   * not ride along on every later message.
   */
  clearPinned(): void {
    this.pinned = [];
    const editor = this.activeEditor();
    this.sentSelection = editor && !editor.selection.isEmpty ? selectionKey(editor) : undefined;
    this.emitter.fire();
  }

  /** Workspace files matching a query, for the `@` picker. */
  async search(query: string): Promise<{ path: string; label: string }[]> {
    // The user's files.exclude and search.exclude, not a list of our own.
    const excludes = (section: string) => vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude');
    const uris = await vscode.workspace.findFiles(fileSearchPattern(query), excludeGlob(excludes('files'), excludes('search')), 50);
    return uris
      .map((u) => ({ path: vscode.workspace.asRelativePath(u), label: u.path.split('/').pop() ?? u.path }))
      .sort((a, b) => a.path.length - b.path.length)
      .slice(0, 20);
  }

  dispose(): void {
    if (this.selectionTimer) clearTimeout(this.selectionTimer);
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
