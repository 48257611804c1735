/**
 * Composition root: builds the services once, registers the view and the commands, and shows
 * activation failures to the user (VS Code only logs them). Behaviour lives in the modules below:
 * - src/vscode/commands.ts: every command, by id
 * - src/vscode/chatViewProvider.ts: the Chat view (handshake, validation)
 * - src/vscode/chatController.ts: the conversation, history and view state; its parts in
 *   src/vscode/chat/ (one answer streamed end to end, edit cards, code-block and link actions, spend)
 * - src/vscode/edits/: preview (diff), per-hunk choice, apply in one WorkspaceEdit
 * - src/vscode/apiKeyStore.ts, settings.ts, logger.ts, clientProvider.ts: key, settings, log, xAI client
 * - src/core/: everything that does not need VS Code
 */
import * as vscode from 'vscode';
import type { TurnView } from './shared/protocol';
import { HistoryStore } from './core/chat/historyStore';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { ChatContext } from './vscode/chatContext';
import { ChatController } from './vscode/chatController';
import { ChatViewProvider } from './vscode/chatViewProvider';
import { ClientProvider } from './vscode/clientProvider';
import { createCommands, registerCommands } from './vscode/commands';
import { EditFlow } from './vscode/edits/editFlow';
import { createHistoryFs } from './vscode/historyFs';
import { OutputLogger } from './vscode/logger';
import { GrokCodeActions } from './vscode/refactorCommands';
import { onDidChangeSettings } from './vscode/settings';

/** What the extension exposes to other code (tests, scripts). Never the key. */
export interface GrokExtensionApi {
  hasApiKey(): Promise<boolean>;
  /** Sends a chat message as if typed in the Chat view; resolves when the answer ended. */
  sendChatMessage(text: string): Promise<void>;
  /** The last turn of the open conversation, as the Chat view shows it. */
  lastTurn(): TurnView | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<GrokExtensionApi | undefined> {
  const logger = new OutputLogger('Grok');
  context.subscriptions.push(logger);
  try {
    const keyStore = new ApiKeyStore(context.secrets);
    logger.setSecrets([await keyStore.get()]);

    let chat: ChatController | undefined;
    const clients = new ClientProvider(keyStore, logger, (usage) => chat?.recordUsage(usage));
    const chatContext = new ChatContext();
    const edits = new EditFlow(logger);
    const chatView = new ChatViewProvider({
      extensionUri: context.extensionUri,
      logger,
      onMessage: (message) => chat?.handle(message),
    });
    chat = new ChatController({
      keyStore,
      clients,
      store: new HistoryStore(createHistoryFs(vscode.Uri.joinPath(context.globalStorageUri, 'conversations'))),
      context: chatContext,
      logger,
      globalState: context.globalState,
      edits,
      post: (message) => chatView.post(message),
    });
    const controller = chat;

    context.subscriptions.push(
      keyStore,
      clients,
      chatContext,
      edits,
      chatView,
      controller,
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new GrokCodeActions(), { providedCodeActionKinds: GrokCodeActions.kinds }),
      keyStore.onDidChange(async () => {
        logger.setSecrets([await keyStore.get()]);
        await controller.postState();
        void controller.refreshModels();
      }),
      chatContext.onDidChange(() => {
        if (chatView.isReady) controller.postAttachments();
      }),
      onDidChangeSettings(() => void controller.postState()),
      ...registerCommands(createCommands({ keyStore, logger, chatView, clients, chat: controller, edits, globalState: context.globalState })),
    );
    logger.info(`Grok Code Assistant ${context.extension.packageJSON.version as string} activated.`);
    return {
      hasApiKey: () => keyStore.has(),
      sendChatMessage: (text) => controller.send(text, [], { chips: false }),
      lastTurn: () => controller.lastTurn(),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Grok failed to start: ${message}`, 'Show Logs').then((choice) => {
      if (choice) logger.show();
    });
    return undefined;
  }
}

export function deactivate(): void {}
