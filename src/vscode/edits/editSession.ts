import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { applyReplacements, checkEditPath, planEdits, type EditPlan, type FileChange, type PathCheck, type Replacement } from '../../core/edits';

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
}

/** Reads a file's current text: the open document if any (unsaved changes count), else the disk. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** +/- line counts of the accepted replacements of a file. */
export function lineCounts(file: SessionFile): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const r of acceptedReplacements(file)) {
    const lines = (s: string) => (s === '' ? 0 : s.replace(/\r?\n$/, '').split(/\r?\n/).length);
    added += lines(r.text);
    removed += lines(r.oldText);
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

/**
 * A proposal being reviewed: every file checked (path) and planned against its current text.
 * Nothing is written until {@link applySession}.
 */
export class EditSession {
  readonly id = randomUUID().slice(0, 8);
  private constructor(
    readonly files: SessionFile[],
    readonly origin: string,
  ) {}

  static async create(changes: readonly FileChange[], origin: string): Promise<EditSession> {
    const roots = workspaceRoots();
    const files: SessionFile[] = [];
    for (const change of changes) {
      const pathCheck = checkEditPath(roots, change.path);
      const uri = pathCheck.absolutePath ? vscode.Uri.file(pathCheck.absolutePath) : undefined;
      const baseText = uri ? await currentText(uri) : undefined;
      const plan = uri && (pathCheck.ok || pathCheck.confirmable) ? planEdits(baseText, change) : undefined;
      const accepted = new Set((plan?.replacements ?? []).map((_, i) => i));
      files.push({ change, path: change.path, uri, pathCheck, baseText, plan, accepted });
    }
    return new EditSession(files, origin);
  }

  file(path: string): SessionFile | undefined {
    return this.files.find((f) => f.path === path);
  }

  /** Files with something that could be applied. */
  get applicable(): SessionFile[] {
    return this.files.filter((f) => f.plan && f.accepted.size > 0);
  }
}
