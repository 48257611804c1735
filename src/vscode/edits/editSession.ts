import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { applyReplacements, planEdits, type EditPlan, type FileChange, type FileOutcome, type PathCheck, type Replacement } from '../../core/edits';
import type { PathFs } from '../../core/safety';
import { classifyWorkspacePath } from './workspacePaths';

/** One file of a proposal, planned against the text it had when the preview was made. */
export interface SessionFile {
  change: FileChange;
  path: string;
  /** Where it would be written (undefined when the path itself was refused). */
  uri: vscode.Uri | undefined;
  pathCheck: PathCheck;
  /** The text the plan was made against; undefined = the file does not exist. */
  baseText: string | undefined;
  plan: EditPlan | undefined;
  /** Indexes into `plan.replacements` the user keeps (all matched ones at first). */
  accepted: Set<number>;
  /**
   * Outside the workspace (through a symlink too): not read, so not planned, until the user agrees
   * ({@link planDeferred}).
   */
  deferred: boolean;
  /** Already written by an Accept of this file alone; the rest of the proposal stays open. */
  done: boolean;
}

/**
 * Whether writing the file needs the user's explicit yes: outside the workspace, in `.git`, or a
 * file that can run code or change the editor. Such files never apply from an edit card's Apply.
 */
export function needsConsent(file: SessionFile): boolean {
  return !file.pathCheck.ok && file.pathCheck.confirmable;
}

/**
 * Reads a file's current text: the open document if any (unsaved changes count), else the disk.
 * A saved document whose file was deleted since (by a command, Undo Task, another program) is not
 * the file's text any more: the file is missing.
 */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && (open.isDirty || open.isUntitled || !(await isMissing(uri)))) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

async function isMissing(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => false,
    (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
  );
}

function countLines(s: string): number {
  return s === '' ? 0 : s.replace(/\r?\n$/, '').split(/\r?\n/).length;
}

/**
 * +/- line counts of the accepted replacements of a file; for a file not read yet, what the
 * proposal itself says (its searches and replacements, or the whole new content).
 */
export function lineCounts(file: SessionFile): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  if (file.deferred) {
    const c = file.change;
    if (c.kind === 'whole') return { added: countLines(c.content), removed: 0 };
    for (const e of c.edits) {
      added += countLines(e.replace);
      removed += countLines(e.search);
    }
    return { added, removed };
  }
  for (const r of acceptedReplacements(file)) {
    added += countLines(r.text);
    removed += countLines(r.oldText);
  }
  return { added, removed };
}

export function acceptedReplacements(file: SessionFile): Replacement[] {
  return (file.plan?.replacements ?? []).filter((_, i) => file.accepted.has(i));
}

/** The text the file would have with the accepted hunks. */
export function proposedText(file: SessionFile): string {
  return applyReplacements(file.baseText ?? '', acceptedReplacements(file));
}

/** Reads the file's current text and plans the change against it; every match is kept at first. */
async function planFile(file: SessionFile): Promise<void> {
  if (!file.uri) return;
  file.baseText = await currentText(file.uri);
  file.plan = planEdits(file.baseText, file.change);
  file.accepted = new Set(file.plan.replacements.map((_, i) => i));
}

/** Reads and plans a file that waited for the user's yes (outside the workspace). */
export async function planDeferred(file: SessionFile): Promise<void> {
  if (!file.deferred) return;
  await planFile(file);
  file.deferred = false;
}

/**
 * A proposal being reviewed: every file checked (path) and planned against its current text.
 * Nothing is written until {@link applySession}.
 */
export class EditSession {
  readonly id = randomUUID().slice(0, 8);
  /** What files accepted one at a time became, for the model once the whole proposal is settled. */
  readonly outcomes: FileOutcome[] = [];
  private constructor(
    readonly files: SessionFile[],
    readonly origin: string,
  ) {}

  /**
   * Checks every path (symlinks resolved, see core/safety) and plans each file against its
   * current text. A file outside the workspace is not read: it waits for the user's yes.
   */
  static async create(changes: readonly FileChange[], origin: string, fs?: PathFs): Promise<EditSession> {
    const files: SessionFile[] = [];
    for (const change of changes) {
      const pathCheck = await classifyWorkspacePath(change.path, fs);
      const uri = pathCheck.absolutePath ? vscode.Uri.file(pathCheck.absolutePath) : undefined;
      const file: SessionFile = { change, path: change.path, uri, pathCheck, baseText: undefined, plan: undefined, accepted: new Set(), deferred: false, done: false };
      if (uri && !pathCheck.ok && pathCheck.reason === 'outside-workspace') file.deferred = true;
      else if (uri && (pathCheck.ok || pathCheck.confirmable)) await planFile(file);
      files.push(file);
    }
    return new EditSession(files, origin);
  }

  file(path: string): SessionFile | undefined {
    return this.files.find((f) => f.path === path);
  }

  /** Files with something that could be applied (a file not read yet may have). */
  get applicable(): SessionFile[] {
    return this.files.filter((f) => !f.done && (f.deferred || (f.plan && f.accepted.size > 0)));
  }
}
