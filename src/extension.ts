/**
 * Composition root: builds the services once, registers the view and the commands, and shows
 * activation failures to the user (VS Code only logs them). Behaviour lives in the modules below:
 * - src/core/chat/engine/: the conversation engine (chat turns, edit requests, the checks before sending)
 * - src/vscode/commands.ts: every command, by id
 * - src/vscode/chatViewProvider.ts: the Chat view (handshake, validation)
 * - src/vscode/chatController.ts: builds the engine for the view and routes the view's messages;
 *   edit cards, code-block and link actions in src/vscode/chat/
 * - src/vscode/edits/: edit requests of editor commands, preview (diff), per-hunk choice, one WorkspaceEdit
 * - src/vscode/settings.ts (the one Config), apiKeyStore.ts, logger.ts, clientProvider.ts: settings, key, log, xAI client
 * - src/core/: everything that does not need VS Code
 */
import * as vscode from 'vscode';
import { parseWebviewMessage, type TurnView } from './shared/protocol';
import { isXaiHost } from './core/api';
import { keyProblem } from './core/apiKey';
import { HistoryStore } from './core/chat/historyStore';
import { SpendTracker } from './core/chat/spendTracker';
import { EndpointTrust } from './core/trust/endpointTrust';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { ChatContext } from './vscode/chatContext';
import { ChatController } from './vscode/chatController';
import { ChatViewProvider } from './vscode/chatViewProvider';
import { ClientProvider } from './vscode/clientProvider';
import { createCommands, registerCommands } from './vscode/commands';
import { EditFlow } from './vscode/edits/editFlow';
import { endpointConsent } from './vscode/endpointConsent';
import { createHistoryFs } from './vscode/historyFs';
import { GrokCodeActions } from './vscode/lightbulb';
import { OutputLogger } from './vscode/logger';
import { vscodeQuestions } from './vscode/questions';
import { createConfig } from './vscode/settings';
import { registerLmProvider } from './vscode/lmProvider';

/** What the extension exposes to other code (tests, scripts). Never the key. */
export interface GrokExtensionApi {
  hasApiKey(): Promise<boolean>;
  /** Sends a chat message as if typed in the Chat view; resolves when the answer ended. */
  sendChatMessage(text: string): Promise<void>;
  /** The last turn of the open conversation, as the Chat view shows it. */
  lastTurn(): TurnView | undefined;
  /** Handles a message as if the Chat view sent it, validated the same way (tests press its buttons). */
  fromChatView(message: unknown): Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<GrokExtensionApi | undefined> {
  const logger = new OutputLogger('Grok');
  context.subscriptions.push(logger);
  try {
    const keyStore = new ApiKeyStore(context.secrets);
    logger.setSecrets([await keyStore.get()]);
    const { config, subscription: configSubscription } = createConfig();
    const spend = new SpendTracker(context.globalState);
    const trust = new EndpointTrust(context.globalState);
    const clients = new ClientProvider(config, keyStore, trust, logger, (usage) => spend.record(usage));
    const keyCheck = async () => keyProblem(config.current.baseUrl, await keyStore.has(), isXaiHost);
    const questions = vscodeQuestions(endpointConsent(trust, keyStore));
    const scrub = (text: string) => logger.scrub(text);
    const chatContext = new ChatContext();
    const edits = new EditFlow(logger);
    let chat: ChatController | undefined;
    const chatView = new ChatViewProvider({
      extensionUri: context.extensionUri,
      logger,
      onMessage: (message) => chat?.handle(message),
    });
    chat = new ChatController({
      config,
      keyStore,
      clients,
      spend,
      store: new HistoryStore(createHistoryFs(vscode.Uri.joinPath(context.globalStorageUri, 'conversations'))),
      context: chatContext,
      logger,
      globalState: context.globalState,
      edits,
      questions,
      extensionUri: context.extensionUri,
      globalStorageUri: context.globalStorageUri,
      scrub,
      post: (message) => chatView.post(message),
    });
    const controller = chat;
    const postState = () => {
      if (chatView.isReady) void controller.postState();
    };
    const spendSubscription = spend.onDidChange(postState);
    const settingsSubscription = config.onDidChange(postState);

    context.subscriptions.push(
      configSubscription,
      spendSubscription,
      settingsSubscription,
      keyStore,
      clients,
      chatContext,
      edits,
      chatView,
      controller,
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView),
      registerLmProvider({ keyStore, clients, logger, spend, settings: () => config.current }),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new GrokCodeActions(), { providedCodeActionKinds: GrokCodeActions.kinds }),
      keyStore.onDidChange(async () => {
        logger.setSecrets([await keyStore.get()]);
        await controller.postState();
        void controller.refreshModels();
      }),
      chatContext.onDidChange(() => {
        if (chatView.isReady) controller.postAttachments();
      }),
      ...registerCommands(
        createCommands({
          config,
          keyStore,
          keyCheck,
          logger,
          chatView,
          clients,
          client: () => clients.get(),
          chat: controller,
          edits,
          spend,
          hasKey: () => keyStore.has(),
          questions,
          scrub,
          globalState: context.globalState,
          trust,
        }),
      ),
    );
    logger.info(`Grok Code Assistant ${context.extension.packageJSON.version as string} activated.`);
    return {
      hasApiKey: () => keyStore.has(),
      sendChatMessage: (text) => controller.send(text, [], { chips: false }),
      lastTurn: () => controller.lastTurn(),
      fromChatView: async (raw) => {
        const parsed = parseWebviewMessage(raw);
        if (!parsed.ok) throw new Error(`not a Chat view message: ${parsed.error}`);
        if (parsed.message.type === 'runCommand') throw new Error('runCommand is run by the view itself');
        await controller.handle(parsed.message);
      },
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
