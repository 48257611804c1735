import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'grok-edit';

/**
 * Read-only virtual documents holding proposed file contents (the right side of the preview diff)
 * and, for new files, an empty left side. Content can be updated (per-hunk choices) and VS Code
 * refreshes the open diff.
 */
export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);

  /** The URI of a preview: `grok-edit:/<session>/<side>/<path>`, so each keeps the file's name and language. */
  static uri(sessionId: string, side: 'proposed' | 'original', path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${sessionId}/${side}/${path.replace(/^\/+/, '')}` });
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.emitter.fire(uri);
  }

  /** Forgets every document of a session. */
  drop(sessionId: string): void {
    for (const key of [...this.contents.keys()]) {
      if (vscode.Uri.parse(key).path.startsWith(`/${sessionId}/`)) this.contents.delete(key);
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
