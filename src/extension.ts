/**
 * Composition root: builds the services once, registers the view and the commands, and shows
 * activation failures to the user (VS Code only logs them). Behaviour lives in the modules below:
 * - src/vscode/commands.ts: every command, by id
 * - src/vscode/chatViewProvider.ts: the Chat view (handshake, validation)
 * - src/vscode/apiKeyStore.ts, settings.ts, logger.ts: key, settings, log
 * - src/core/: everything that does not need VS Code
 */
import * as vscode from 'vscode';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { ChatViewProvider } from './vscode/chatViewProvider';
import { ClientProvider } from './vscode/clientProvider';
import { createCommands, registerCommands } from './vscode/commands';
import { OutputLogger } from './vscode/logger';
import { onDidChangeSettings, readSettings } from './vscode/settings';

/** What the extension exposes to other code (tests). Never the key. */
export interface GrokExtensionApi {
  hasApiKey(): Promise<boolean>;
}

export async function activate(context: vscode.ExtensionContext): Promise<GrokExtensionApi | undefined> {
  const logger = new OutputLogger('Grok');
  context.subscriptions.push(logger);
  try {
    const keyStore = new ApiKeyStore(context.secrets);
    logger.setSecrets([await keyStore.get()]);
    const clients = new ClientProvider(keyStore, logger);

    const chatView = new ChatViewProvider({
      extensionUri: context.extensionUri,
      logger,
      getState: async () => ({
        hasApiKey: await keyStore.has(),
        model: readSettings().model,
        models: [],
        session: { tokens: 0, costUsd: 0 },
      }),
      onMessage: (message, post) => {
        if (message.type === 'send') {
          post({ type: 'notice', level: 'info', text: 'Chat answers are not wired up in this build yet.' });
        }
      },
    });

    context.subscriptions.push(
      keyStore,
      clients,
      chatView,
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView),
      keyStore.onDidChange(async () => {
        logger.setSecrets([await keyStore.get()]);
    const clients = new ClientProvider(keyStore, logger);
        await chatView.refreshState();
      }),
      onDidChangeSettings(() => void chatView.refreshState()),
      ...registerCommands(createCommands({ keyStore, logger, chatView, clients })),
    );
    logger.info(`Grok Code Assistant ${context.extension.packageJSON.version as string} activated.`);
    return { hasApiKey: () => keyStore.has() };
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
