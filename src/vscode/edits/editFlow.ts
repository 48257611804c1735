import * as vscode from 'vscode';
import { describeOutcomes, type FileChange, type FileOutcome } from '../../core/edits';
import type { Logger } from '../../core/log';
import { applySession, type ApplyResult } from './applySession';
import { EditSession, lineCounts, proposedText, type SessionFile } from './editSession';
import { PREVIEW_SCHEME, PreviewDocuments } from './previewDocuments';

/** Files shown in an editor tab (loaded documents without a tab do not count: the user cannot see them). */
function openInTabs(): Set<string> {
  const uris = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => t.input)
    .filter((input): input is vscode.TabInputText => input instanceof vscode.TabInputText)
    .map((input) => input.uri.toString());
  return new Set(uris);
}

/** What became of a proposal, for the chat's edit card and the model's next turn. */
export interface SessionReport {
  sessionId: string;
  status: 'proposed' | 'applied' | 'rejected' | 'refused';
  files: { path: string; added: number; removed: number; refused: string[] }[];
  message?: string;
  /** Text for the model: what was applied or refused and why. */
  feedback?: string;
}

/**
 * Proposed edits from the chat, Refactor Selection and Fix with Grok: preview as a diff, choose
 * hunks, accept (one WorkspaceEdit, one undo step) or reject. Nothing is written without Accept.
 */
export class EditFlow implements vscode.Disposable {
  private readonly sessions = new Map<string, EditSession>();
  private readonly previews = new PreviewDocuments();
  private readonly emitter = new vscode.EventEmitter<SessionReport>();
  /** Fires whenever a session's state changes (proposed, applied, rejected). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly logger: Logger) {}

  /** Plans a proposal against the current files; nothing is written. */
  async propose(changes: readonly FileChange[], origin: string): Promise<EditSession> {
    const session = await EditSession.create(changes, origin);
    this.sessions.set(session.id, session);
    for (const file of session.files) this.refreshPreview(session, file);
    this.logger.info(`edit proposal ${session.id} from ${origin}: ${session.files.map((f) => f.path).join(', ')}`);
    this.emitter.fire(this.report(session, 'proposed'));
    return session;
  }

  get(sessionId: string): EditSession | undefined {
    return this.sessions.get(sessionId);
  }

  report(session: EditSession, status: SessionReport['status'], message?: string, outcomes?: FileOutcome[]): SessionReport {
    return {
      sessionId: session.id,
      status,
      message,
      files: session.files.map((f) => ({
        path: f.path,
        ...lineCounts(f),
        refused: [...(f.pathCheck.ok ? [] : [f.pathCheck.message]), ...(f.plan?.refused.map((r) => r.message) ?? [])],
      })),
      feedback: outcomes ? describeOutcomes(outcomes) : undefined,
    };
  }

  private refreshPreview(session: EditSession, file: SessionFile): void {
    this.previews.set(PreviewDocuments.uri(session.id, 'proposed', file.path), proposedText(file));
    if (file.baseText === undefined) this.previews.set(PreviewDocuments.uri(session.id, 'original', file.path), '');
  }

  /** Opens the diff of one file (the first with changes by default). */
  async preview(sessionId: string, path?: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    const file = path ? session?.file(path) : (session?.applicable[0] ?? session?.files[0]);
    if (!session || !file) return false;
    const right = PreviewDocuments.uri(session.id, 'proposed', file.path);
    const left = file.baseText === undefined || !file.uri ? PreviewDocuments.uri(session.id, 'original', file.path) : file.uri;
    const refused = file.plan?.refused.length ?? 0;
    const title = `${file.path}: Grok's proposal${refused ? ` (${refused} edit${refused === 1 ? '' : 's'} refused)` : ''}`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    if (!file.pathCheck.ok || refused) {
      const reasons = [...(file.pathCheck.ok ? [] : [file.pathCheck.message]), ...(file.plan?.refused.map((r) => r.message) ?? [])];
      void vscode.window.showWarningMessage(`Some of Grok's edits to ${file.path} cannot be applied: ${reasons.join('; ')}`);
    }
    return true;
  }

  /** The session of the preview shown in the active editor, if any. */
  activeSession(): { session: EditSession; file: SessionFile } | undefined {
    // The active tab, not the active editor: in a diff the focus may be on the left (the real file).
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri = input instanceof vscode.TabInputTextDiff ? input.modified : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== PREVIEW_SCHEME) return undefined;
    const [, sessionId, , ...rest] = uri.path.split('/');
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    const file = session?.file(rest.join('/'));
    return session && file ? { session, file } : undefined;
  }

  /** Lets the user keep or drop each hunk of a file; the preview follows. */
  async chooseHunks(sessionId: string, path: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    const file = session?.file(path);
    if (!session || !file?.plan) return;
    const items = file.plan.replacements.map((r, i) => ({
      label: `Lines ${r.startLine}–${r.endLine}`,
      description: r.stage === 'exact' ? undefined : `matched ${r.stage === 'fuzzy' ? `fuzzily (${Math.round(r.similarity * 100)}%)` : `ignoring ${r.stage}`}`,
      detail: r.text.split('\n')[0]?.trim().slice(0, 80),
      picked: file.accepted.has(i),
      index: i,
    }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: `Hunks to keep in ${path}` });
    if (!picked) return;
    file.accepted = new Set(picked.map((p) => p.index));
    this.refreshPreview(session, file);
    this.emitter.fire(this.report(session, 'proposed'));
  }

  /** Applies the accepted hunks (of one file, or of every file) in one WorkspaceEdit. */
  async accept(sessionId: string, path?: string): Promise<ApplyResult> {
    const session = this.sessions.get(sessionId);
    if (!session) return { applied: false, outcomes: [], message: 'That proposal is no longer available.' };
    const files = path ? session.files.filter((f) => f.path === path) : session.files;
    const openBefore = openInTabs();
    const result = await applySession(session, files, (file) => this.confirmOutside(file));
    this.logger.info(`edit proposal ${session.id}: ${result.message}`);
    if (result.applied) {
      await this.saveClosedFiles(session, result, openBefore);
      this.close(session);
    }
    this.emitter.fire(this.report(session, result.applied ? 'applied' : 'refused', result.message, result.outcomes));
    return result;
  }

  reject(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.close(session);
    const outcomes: FileOutcome[] = session.files.map((f) => ({ path: f.path, plan: f.plan, applied: [], note: 'the user rejected the change' }));
    this.emitter.fire(this.report(session, 'rejected', 'Rejected; no file changed.', outcomes));
  }

  private async confirmOutside(file: SessionFile): Promise<boolean> {
    if (file.pathCheck.ok) return true;
    const choice = await vscode.window.showWarningMessage(
      `${file.pathCheck.message}. Write it anyway?`,
      { modal: true, detail: file.pathCheck.absolutePath },
      'Write Anyway',
    );
    return choice === 'Write Anyway';
  }

  /** Closes this session's preview tabs and forgets its documents. */
  private close(session: EditSession): void {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      const input = t.input;
      return input instanceof vscode.TabInputTextDiff && input.modified.scheme === PREVIEW_SCHEME && input.modified.path.startsWith(`/${session.id}/`);
    });
    void vscode.window.tabGroups.close(tabs);
    this.previews.drop(session.id);
  }

  /**
   * Files that were not open before are saved, so the disk matches what the user accepted; files
   * open in an editor keep the change unsaved there, like any edit (undo works in both).
   */
  private async saveClosedFiles(session: EditSession, result: ApplyResult, openBefore: Set<string>): Promise<void> {
    const paths = new Set(result.outcomes.filter((o) => o.applied.length).map((o) => o.path));
    for (const file of session.files) {
      if (!file.uri || !paths.has(file.path) || openBefore.has(file.uri.toString())) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri?.toString());
      if (doc?.isDirty) await doc.save();
    }
  }

  dispose(): void {
    this.previews.dispose();
    this.emitter.dispose();
  }
}
