import * as vscode from 'vscode';
import { describeOutcomes, type FileChange, type FileOutcome } from '../../core/edits';
import type { Logger } from '../../core/log';
import { applySession, type ApplyResult } from './applySession';
import { EditSession, lineCounts, needsConsent, planDeferred, proposedText, type SessionFile } from './editSession';
import { PREVIEW_SCHEME, PreviewDocuments } from './previewDocuments';
import { undoRestorePoints, type RestorePoint, type UndoResult } from './undoEdits';

/** Files shown in an editor tab (loaded documents without a tab do not count: the user cannot see them). */
function openInTabs(): Set<string> {
  const uris = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => t.input)
    .filter((input): input is vscode.TabInputText => input instanceof vscode.TabInputText)
    .map((input) => input.uri.toString());
  return new Set(uris);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What became of a proposal, for the chat's edit card and the model's next turn. */
export interface SessionReport {
  sessionId: string;
  status: 'proposed' | 'applied' | 'rejected' | 'refused' | 'undone';
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
  /** What applied sessions changed, for Undo on their card (this window only). */
  private readonly restores = new Map<string, RestorePoint[]>();
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

  /**
   * Opens the diff of one file (the first with changes by default). A file outside the workspace
   * is read only once the user agrees; without that yes nothing is read and no diff opens.
   */
  async preview(sessionId: string, path?: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    const file = path ? session?.file(path) : (session?.applicable[0] ?? session?.files[0]);
    if (!session || !file) return false;
    if (file.deferred) {
      if (!(await this.confirmRead(file))) return false;
      await planDeferred(file);
      this.refreshPreview(session, file);
      this.emitter.fire(this.report(session, 'proposed'));
    }
    const right = PreviewDocuments.uri(session.id, 'proposed', file.path);
    const left = file.baseText === undefined || !file.uri ? PreviewDocuments.uri(session.id, 'original', file.path) : file.uri;
    const refused = file.plan?.refused.length ?? 0;
    const notes = [...(refused ? [`${refused} edit${refused === 1 ? '' : 's'} refused`] : []), ...(needsConsent(file) ? ['Accept asks first'] : [])];
    const title = `${file.path}: Grok's proposal${notes.length ? ` (${notes.join('; ')})` : ''}`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    const cannot = [...(file.pathCheck.ok || file.pathCheck.confirmable ? [] : [file.pathCheck.message]), ...(file.plan?.refused.map((r) => r.message) ?? [])];
    if (cannot.length) void vscode.window.showWarningMessage(`Some of Grok's edits to ${file.path} cannot be applied: ${cannot.join('; ')}`);
    return true;
  }

  /**
   * What an edit card's Apply does: applies the proposal, unless a file needs the user's yes
   * (outside the workspace, in `.git`, or able to run code or change the editor); then it opens
   * that file's diff instead, where Accept asks. Returns undefined when it opened the diff.
   */
  async applyFromCard(sessionId: string): Promise<ApplyResult | undefined> {
    const session = this.sessions.get(sessionId);
    const sensitive = session?.applicable.find(needsConsent);
    if (!session || !sensitive) return this.accept(sessionId);
    this.logger.info(`edit proposal ${session.id}: ${sensitive.path} needs confirmation; opening its diff instead of applying`);
    await this.preview(sessionId, sensitive.path);
    return undefined;
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

  /**
   * Applies the accepted hunks (of one file, or of every file) in one WorkspaceEdit. After one
   * file of several is accepted, the others stay proposed (its preview closes).
   */
  async accept(sessionId: string, path?: string): Promise<ApplyResult> {
    const session = this.sessions.get(sessionId);
    if (!session) return { applied: false, outcomes: [], message: 'That proposal is no longer available.' };
    const files = (path ? session.files.filter((f) => f.path === path) : session.files).filter((f) => !f.done);
    const openBefore = openInTabs();
    const result = await applySession(session, files, (file) => this.confirmWrite(file));
    this.logger.info(`edit proposal ${session.id}: ${result.message}`);
    if (result.declined) {
      // A "no" in the modal leaves the proposal open: the card can still preview, apply or reject it.
      this.emitter.fire(this.report(session, 'proposed', result.message));
      return result;
    }
    if (!result.applied) {
      this.emitter.fire(this.report(session, 'refused', result.message, [...session.outcomes, ...result.outcomes]));
      return result;
    }
    await this.saveClosedFiles(session, result, openBefore);
    this.restores.set(session.id, [...(this.restores.get(session.id) ?? []), ...(result.restore ?? [])]);
    session.outcomes.push(...result.outcomes);
    for (const file of files) file.done = true;
    const rest = session.applicable;
    if (rest.length === 0) {
      this.close(session);
      this.emitter.fire(this.report(session, 'applied', result.message, session.outcomes));
    } else {
      this.close(session, files);
      const message = `${result.message} ${rest.length} more file${rest.length === 1 ? '' : 's'} to review: ${rest.map((f) => f.path).join(', ')}.`;
      this.emitter.fire(this.report(session, 'proposed', message));
    }
    return result;
  }

  /**
   * Undo on an applied card: every file the session wrote goes back to its text from before, in
   * one step; files changed since are listed in a modal first.
   */
  async undo(sessionId: string): Promise<UndoResult> {
    const session = this.sessions.get(sessionId);
    const points = this.restores.get(sessionId);
    if (!session || !points?.length) return { undone: false, message: "This edit can no longer be undone from its card (it was applied in an earlier window). Use Undo (Ctrl+Z) in the file's editor." };
    const result = await undoRestorePoints(points);
    this.logger.info(`edit proposal ${session.id}: ${result.message}`);
    if (result.undone) {
      this.restores.delete(sessionId);
      this.emitter.fire(this.report(session, 'undone', result.message));
    }
    return result;
  }

  reject(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.close(session);
    const rejected: FileOutcome[] = session.files.filter((f) => !f.done).map((f) => ({ path: f.path, plan: f.plan, applied: [], note: 'the user rejected the change' }));
    const outcomes = [...session.outcomes, ...rejected];
    const message = session.outcomes.length ? 'Rejected the rest; only the files accepted before changed.' : 'Rejected; no file changed.';
    this.emitter.fire(this.report(session, 'rejected', message, outcomes));
  }

  /**
   * The modal before writing a file that needs consent: it names the file and says why it matters.
   * Anything but "Write Anyway" (Cancel, Escape) writes nothing.
   */
  private async confirmWrite(file: SessionFile): Promise<boolean> {
    const check = file.pathCheck;
    if (check.ok) return true;
    const where = check.realPath ? `${check.absolutePath} (leads to ${check.realPath})` : check.absolutePath;
    const question =
      check.reason === 'outside-workspace'
        ? `Write ${file.path}? It is outside the workspace.`
        : `Write ${file.path}? ${capitalise(check.why ?? check.message)}.`;
    const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: `${check.message}.\n${where ?? ''}`.trim() }, 'Write Anyway');
    return choice === 'Write Anyway';
  }

  /** The modal before reading a file outside the workspace to show its diff. */
  private async confirmRead(file: SessionFile): Promise<boolean> {
    const check = file.pathCheck;
    const where = check.ok ? check.absolutePath : (check.realPath ?? check.absolutePath);
    const choice = await vscode.window.showWarningMessage(
      `Grok proposes changes to ${file.path}, outside the workspace. Read it to show the diff?`,
      { modal: true, detail: `${where ?? ''}\nNothing is written until you accept the diff.` },
      'Show Diff',
    );
    return choice === 'Show Diff';
  }

  /** Closes this session's preview tabs (of `only` these files) and, for the whole session, forgets its documents. */
  private close(session: EditSession, only?: readonly SessionFile[]): void {
    const previews = only?.map((f) => PreviewDocuments.uri(session.id, 'proposed', f.path).toString());
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      const input = t.input;
      if (!(input instanceof vscode.TabInputTextDiff) || input.modified.scheme !== PREVIEW_SCHEME) return false;
      return previews ? previews.includes(input.modified.toString()) : input.modified.path.startsWith(`/${session.id}/`);
    });
    void vscode.window.tabGroups.close(tabs);
    if (!only) this.previews.drop(session.id);
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
