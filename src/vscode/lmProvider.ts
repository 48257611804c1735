/**
 * Grok in VS Code's own chat and agent mode: a `vscode.lm` language-model provider (vendor `xai`).
 * The mapping is plain data in src/core/lm; this adapter converts VS Code's classes, streams through
 * the same client as the Chat view (so every attempt is logged with its request id and reaches the
 * spend ledger through the client's `onUsage`), checks the monthly budget, and turns cancellation
 * into an abort at once.
 */
import * as vscode from 'vscode';
import { isXaiHost } from '../core/api';
import type { BudgetCheck } from '../core/chat/budget';
import type { GrokSettings } from '../core/config';
import type { Logger } from '../core/log';
import {
  budgetDecision,
  conversationKey,
  estimateLmTokens,
  LearnedLimits,
  lmFailureFor,
  noKeyFailure,
  responsePartFor,
  toChatMessages,
  toModelInformation,
  toolChoiceFor,
  toToolSpecs,
  type LmFailure,
  type LmInputMessage,
  type LmInputPart,
} from '../core/lm';
import type { ApiKeyStore } from './apiKeyStore';
import type { ClientProvider } from './clientProvider';

/** The vendor id, as in package.json's `languageModelChatProviders`. */
export const LM_VENDOR = 'xai';

export interface LmProviderDeps {
  keyStore: ApiKeyStore;
  clients: ClientProvider;
  logger: Logger;
  /** The monthly budget check (the ledger the client's `onUsage` adds to). */
  spend: { check(budgetUsd: number): BudgetCheck };
  settings: () => Pick<GrokSettings, 'baseUrl' | 'maxOutputTokens' | 'monthlyBudgetUsd'>;
}

/** `LanguageModelChatInformation` plus `isUserSelectable`, which VS Code reads (not yet in @types/vscode 1.105). */
type ModelInformation = vscode.LanguageModelChatInformation & { isUserSelectable: boolean };

/** VS Code's role enum (`System` = 3 is not final yet, but VS Code's own chat sends it). */
function roleOf(role: vscode.LanguageModelChatMessageRole): LmInputMessage['role'] {
  if (role === vscode.LanguageModelChatMessageRole.Assistant) return 'assistant';
  if (role === vscode.LanguageModelChatMessageRole.User) return 'user';
  return (role as number) === 3 ? 'system' : 'user';
}

function isDataPart(part: unknown): part is { mimeType: string; data: Uint8Array } {
  const p = part as { mimeType?: unknown; data?: unknown } | null;
  return typeof p?.mimeType === 'string' && p.data instanceof Uint8Array;
}

function partOf(part: unknown): LmInputPart {
  if (part instanceof vscode.LanguageModelTextPart) return { kind: 'text', value: part.value };
  if (part instanceof vscode.LanguageModelToolCallPart) return { kind: 'toolCall', callId: part.callId, name: part.name, input: part.input };
  if (part instanceof vscode.LanguageModelToolResultPart) return { kind: 'toolResult', callId: part.callId, content: part.content.map(partOf) };
  // LanguageModelDataPart is final only after 1.105: recognised by shape.
  if (isDataPart(part)) return { kind: 'data', mimeType: part.mimeType, data: part.data };
  if (part instanceof vscode.LanguageModelPromptTsxPart) return { kind: 'other', json: JSON.stringify(part.value) };
  return { kind: 'other', json: undefined };
}

/** A request message as plain data. */
export function fromVscodeMessage(message: vscode.LanguageModelChatRequestMessage): LmInputMessage {
  return { role: roleOf(message.role), parts: message.content.map(partOf) };
}

/** A failure as what VS Code expects to be thrown. */
function toVscodeError(failure: LmFailure): Error {
  if (failure.cancelled) return new vscode.CancellationError();
  if (failure.code === 'NoPermissions') return vscode.LanguageModelError.NoPermissions(failure.message);
  if (failure.code === 'Blocked') return vscode.LanguageModelError.Blocked(failure.message);
  if (failure.code === 'NotFound') return vscode.LanguageModelError.NotFound(failure.message);
  // The constructor takes (message, code) at run time; @types/vscode only declares the factories.
  const LmError = vscode.LanguageModelError as unknown as new (message: string, code: string) => vscode.LanguageModelError;
  return new LmError(failure.message, 'Unknown');
}

export class GrokLmProvider implements vscode.LanguageModelChatProvider<ModelInformation>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private readonly learned = new LearnedLimits();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: LmProviderDeps) {
    this.subscriptions = [
      this.changed,
      deps.keyStore.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('grok.baseUrl') || e.affectsConfiguration('grok.api') || e.affectsConfiguration('grok.maxOutputTokens')) this.changed.fire();
      }),
    ];
  }

  async provideLanguageModelChatInformation(options: vscode.PrepareLanguageModelChatModelOptions, token: vscode.CancellationToken): Promise<ModelInformation[]> {
    const settings = this.deps.settings();
    if (isXaiHost(settings.baseUrl) && !(await this.deps.keyStore.has())) {
      // Asked by the user (Manage Models, the picker): offer the key; otherwise say nothing.
      if (!options.silent) this.offerKey();
      return [];
    }
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const models = await this.deps.clients.get().listModels({ refresh: !options.silent, signal: abort.signal });
      return toModelInformation(models, { learned: this.learned.all, maxOutputTokens: settings.maxOutputTokens });
    } catch (error) {
      const failure = lmFailureFor(error, token.isCancellationRequested);
      if (!failure.cancelled) {
        this.deps.logger.warn(`language-model provider: listing models failed: ${failure.message}`);
        if (!options.silent) void vscode.window.showErrorMessage(`Grok: could not list the models. ${failure.message}`);
      }
      return [];
    } finally {
      sub.dispose();
    }
  }

  async provideLanguageModelChatResponse(
    model: ModelInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    if (token.isCancellationRequested) abort.abort();
    try {
      const settings = this.deps.settings();
      if (isXaiHost(settings.baseUrl) && !(await this.deps.keyStore.has())) throw toVscodeError(noKeyFailure());
      const budget = budgetDecision(this.deps.spend.check(settings.monthlyBudgetUsd));
      if (budget && 'refuse' in budget) {
        this.deps.logger.warn(`language-model provider: refused ${model.id}: monthly budget used up`);
        throw toVscodeError(budget.refuse);
      }
      if (budget) void vscode.window.showWarningMessage(budget.warn);

      const chatMessages = toChatMessages(messages.map(fromVscodeMessage));
      const tools = toToolSpecs(options.tools);
      const mode = options.toolMode === vscode.LanguageModelChatToolMode.Required ? 'required' : 'auto';
      const stream = this.deps.clients.get().stream(
        { model: model.id, messages: chatMessages, tools, toolChoice: toolChoiceFor(mode, tools), conversationId: conversationKey(chatMessages), maxOutputTokens: model.maxOutputTokens },
        abort.signal,
      );
      for await (const event of stream) {
        if (event.type === 'start') {
          this.deps.logger.info(`language-model provider: model ${model.id}, request ${event.requestId}, ${event.endpoint}, attempt ${event.attempt}`);
        } else if (event.type === 'limits') {
          if (this.learned.learn(model.id, event.limits)) this.changed.fire();
        }
        const part = responsePartFor(event);
        if (part?.kind === 'text') progress.report(new vscode.LanguageModelTextPart(part.value));
        else if (part?.kind === 'toolCall') progress.report(new vscode.LanguageModelToolCallPart(part.callId, part.name, part.input));
      }
    } catch (error) {
      if (error instanceof vscode.LanguageModelError || error instanceof vscode.CancellationError) throw error;
      const failure = lmFailureFor(error, token.isCancellationRequested);
      if (!failure.cancelled) this.deps.logger.warn(`language-model provider: ${model.id} failed: ${failure.message}`);
      throw toVscodeError(failure);
    } finally {
      sub.dispose();
    }
  }

  provideTokenCount(_model: ModelInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    return Promise.resolve(estimateLmTokens(typeof text === 'string' ? text : fromVscodeMessage(text)));
  }

  /** A non-modal offer to set the key; not awaited (the toast's promise lasts until it is dismissed). */
  private offerKey(): void {
    void vscode.window.showInformationMessage('Grok models need an xAI API key.', 'Set API Key').then((choice) => {
      if (choice) void vscode.commands.executeCommand('grok.setApiKey');
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers the provider with VS Code; dispose the result to unregister it. */
export function registerLmProvider(deps: LmProviderDeps): vscode.Disposable {
  const provider = new GrokLmProvider(deps);
  return vscode.Disposable.from(vscode.lm.registerLanguageModelChatProvider(LM_VENDOR, provider), provider);
}
