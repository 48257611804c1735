import * as vscode from 'vscode';
import { checkApiKeyInput } from '../core/apiKey';
import type { ApiKeyStore } from './apiKeyStore';
import type { ChatViewProvider } from './chatViewProvider';
import type { ClientProvider } from './clientProvider';
import type { EditRequestHost } from './edits/editRequest';
import { showErrorWithAction } from './errorActions';
import { explainSelection } from './explainCommand';
import { fixDiagnostic, refactorSelection } from './refactorCommands';
import type { OutputLogger } from './logger';
import type { KeyCheck } from './editorContext';
import { manageTrustedHosts } from './endpointConsent';
import type { EndpointTrust } from '../core/trust/endpointTrust';

/** What commands need; built once in extension.ts. */
export interface CommandContext extends EditRequestHost {
  keyStore: ApiKeyStore;
  keyCheck: KeyCheck;
  logger: OutputLogger;
  chatView: ChatViewProvider;
  clients: ClientProvider;
  globalState: vscode.Memento;
  trust: EndpointTrust;
}

type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Notifications are shown without awaiting them: the promise only settles when the user
 * dismisses the toast, and a command must not hang on that.
 */
function inform(message: string): void {
  void vscode.window.showInformationMessage(message);
}
function warn(message: string): void {
  void vscode.window.showWarningMessage(message);
}

/**
 * "Grok: Set API Key". With a string argument (scripts, tests) it validates and stores that
 * value without UI; otherwise it asks in a password box. Returns whether a key was stored.
 */
async function setApiKey(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  let input: string | undefined;
  if (typeof arg === 'string') {
    input = arg;
  } else {
    input = await vscode.window.showInputBox({
      title: 'Grok: Set API Key',
      prompt: 'Paste your xAI API key (from console.x.ai). It is kept in VS Code’s secret storage.',
      placeHolder: 'xai-…',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (value.length === 0) return undefined; // no nagging before the user typed anything
        const check = checkApiKeyInput(value);
        return check.ok ? undefined : check.message;
      },
    });
    if (input === undefined) {
      inform('API key not changed.');
      return false;
    }
  }
  const check = checkApiKeyInput(input);
  if (!check.ok) {
    warn(`API key not saved: ${check.message}`);
    return false;
  }
  await ctx.keyStore.set(check.key);
  ctx.logger.info('API key saved to secret storage.');
  inform('Grok API key saved.');
  return true;
}

/** "Grok: Clear API Key". Returns whether a key was removed. */
async function clearApiKey(ctx: CommandContext): Promise<boolean> {
  if (!(await ctx.keyStore.has())) {
    inform('No Grok API key is stored.');
    return false;
  }
  await ctx.keyStore.clear();
  ctx.logger.info('API key removed from secret storage.');
  inform('Grok API key removed.');
  return true;
}

/** What Test Connection found, also returned to callers (tests, scripts). */
export interface ConnectionReport {
  ok: boolean;
  message: string;
}

/** "Grok: Test Connection": checks the key and counts the models, or reports the exact error. */
async function testConnection(ctx: CommandContext): Promise<ConnectionReport> {
  const missingKey = await ctx.keyCheck();
  if (missingKey) {
    showErrorWithAction(missingKey.message, missingKey.action);
    return { ok: false, message: missingKey.message };
  }
  const declined = await ctx.questions.confirmEndpoint?.(ctx.config.current.baseUrl);
  if (declined) {
    showErrorWithAction(declined.message, declined.action);
    return { ok: false, message: declined.message };
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Grok: testing the connection…', cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return ctx.clients.get().testConnection(abort.signal);
    },
  );
  if (result.ok) {
    const key = result.keyName ? `key "${result.keyName}" works` : 'the key works';
    const message = `Connected to ${result.host}: ${key}, ${result.modelCount} models available (${result.latencyMs} ms).`;
    ctx.logger.info(`Test Connection: ${message}`);
    inform(message);
    return { ok: true, message };
  }
  const message = ctx.scrub(`Grok: ${result.error.message}`);
  ctx.logger.warn(`Test Connection failed (${result.error.kind}${result.error.status ? ` ${result.error.status}` : ''}): ${result.error.message}`);
  showErrorWithAction(message, result.error.action, () => vscode.commands.executeCommand('grok.testConnection'));
  return { ok: false, message };
}

/**
 * Accept / Reject / Choose Hunks, from the preview diff's title bar (no argument: the preview in the
 * active editor) or with a session id (tests, the chat). Accept from the diff applies that file only.
 */
async function editCommand(ctx: CommandContext, kind: 'accept' | 'reject' | 'hunks', arg: unknown): Promise<unknown> {
  const active = ctx.edits.activeSession();
  const sessionId = typeof arg === 'string' ? arg : active?.session.id;
  if (!sessionId || !ctx.edits.get(sessionId)) {
    inform('No Grok edit preview is open.');
    return undefined;
  }
  if (kind === 'reject') return ctx.edits.reject(sessionId);
  if (kind === 'hunks') {
    const path = active?.file.path ?? ctx.edits.get(sessionId)?.files[0]?.path;
    return path ? ctx.edits.chooseHunks(sessionId, path) : undefined;
  }
  const result = await ctx.edits.accept(sessionId, typeof arg === 'string' ? undefined : active?.file.path);
  if (result.applied) inform(result.message);
  else showErrorWithAction(result.message, undefined);
  return result;
}

/** The command table: every contributed command, by id. A unit test checks it against package.json. */
export function createCommands(ctx: CommandContext): Record<string, CommandHandler> {
  return {
    'grok.setApiKey': (arg) => setApiKey(ctx, arg),
    'grok.clearApiKey': () => clearApiKey(ctx),
    'grok.newChat': async () => {
      await ctx.chatView.reveal();
      await ctx.chat.newChat();
    },
    'grok.showLogs': () => ctx.logger.show(),
    'grok.testConnection': () => testConnection(ctx),
    'grok.manageTrustedHosts': () => manageTrustedHosts(ctx.trust),
    'grok.explainSelection': () => explainSelection(ctx),
    'grok.refactorSelection': (instruction?: unknown) => refactorSelection(ctx, instruction),
    'grok.fixDiagnostic': (uri?: unknown, diagnostic?: unknown) => fixDiagnostic(ctx, uri, diagnostic),
    'grok.previewEdits': (sessionId?: unknown) => (typeof sessionId === 'string' ? ctx.edits.preview(sessionId) : false),
    'grok.acceptEdits': (sessionId?: unknown) => editCommand(ctx, 'accept', sessionId),
    'grok.rejectEdits': (sessionId?: unknown) => editCommand(ctx, 'reject', sessionId),
    'grok.chooseHunks': (sessionId?: unknown) => editCommand(ctx, 'hunks', sessionId),
    'grok.openSettings': () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:grok-code-assistant.grok-code-assistant'),
  };
}

/** Registers every command of the table; the returned disposables belong to the caller. */
export function registerCommands(table: Record<string, CommandHandler>): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
