import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { buildChatHtml } from '../core/webviewHtml';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../shared/protocol';

/** A validated message the view provider does not handle itself (it runs `runCommand`). */
export type ChatMessageFromView = Exclude<WebviewMessage, { type: 'runCommand' }>;

/** Handles validated messages the host does not handle itself (the chat turn, in its own module). */
export type ChatMessageHandler = (message: ChatMessageFromView, post: (message: HostMessage) => void) => void | Promise<void>;

export interface ChatViewDeps {
  extensionUri: vscode.Uri;
  logger: Logger;
  /** Receives every validated message, `ready` included (after which posting is allowed). */
  onMessage: ChatMessageHandler;
}

/**
 * The "Chat" webview view. It owns the handshake (nothing is posted before `ready`),
 * validates every inbound message, and runs allowlisted commands for the webview.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'grok.chat';
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: ChatViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const { extensionUri } = this.deps;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [dist, media] };
    const asUri = (...parts: string[]) => view.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
    view.webview.html = buildChatHtml({
      cspSource: view.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: asUri('dist', 'webview.js'),
      styleUri: asUri('media', 'chat.css'),
      codiconUri: asUri('dist', 'codicons', 'codicon.css'),
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
  }

  /** Posts to the webview if it is open and has said it is ready; otherwise drops the message. */
  post(message: HostMessage): boolean {
    if (!this.view || !this.ready) return false;
    void this.view.webview.postMessage(message);
    return true;
  }

  /** Whether the webview is open and listening. */
  get isReady(): boolean {
    return this.ready && this.view !== undefined;
  }

  /** Opens the view and focuses the input. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.logger.warn(`Dropped an invalid message from the chat view (${parsed.error}).`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        break;
      case 'runCommand':
        await vscode.commands.executeCommand(message.command);
        return;
      default:
        break;
    }
    try {
      await this.deps.onMessage(message, (m) => this.post(m));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.logger.error(`Handling "${message.type}" from the chat view failed: ${text}`);
      this.post({ type: 'notice', level: 'error', text: `Something went wrong: ${text}` });
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
