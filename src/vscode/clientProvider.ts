import * as vscode from 'vscode';
import { createDispatcher, GrokClient, type UsageRecord } from '../core/api';
import type { Config } from '../core/configStore';
import type { Logger } from '../core/log';
import type { EndpointTrust } from '../core/trust/endpointTrust';
import type { ApiKeyStore } from './apiKeyStore';

/**
 * Owns the one {@link GrokClient} of this window, built from the current settings, VS Code's proxy
 * settings and the stored key. Rebuilt (and the old dispatcher closed) when a relevant setting changed;
 * the key is read before each request, so a new key needs no rebuild.
 */
export class ClientProvider implements vscode.Disposable {
  private client: GrokClient | undefined;
  /** The settings the current client was built from; a different snapshot rebuilds it. */
  private builtFrom = '';
  private closeDispatcher: (() => Promise<void>) | undefined;

  constructor(
    private readonly config: Config,
    private readonly keyStore: ApiKeyStore,
    private readonly trust: EndpointTrust,
    private readonly logger: Logger,
    private readonly onUsage: (record: UsageRecord) => void = () => {},
  ) {}

  /** The client for the current settings (rebuilt when `grok.*` or the proxy settings changed). */
  get(): GrokClient {
    const settings = this.config.current;
    const http = vscode.workspace.getConfiguration('http');
    const proxy = { httpProxy: http.get<string>('proxy') || undefined, strictSSL: http.get<boolean>('proxyStrictSSL', true) };
    const snapshot = JSON.stringify([settings, proxy]);
    if (this.client && snapshot === this.builtFrom) return this.client;
    this.reset();
    this.builtFrom = snapshot;
    const dispatcher = createDispatcher({ ...proxy, env: process.env });
    this.closeDispatcher = () => dispatcher.close();
    this.client = new GrokClient({
      baseUrl: settings.baseUrl,
      api: settings.api,
      maxRetries: settings.maxRetries,
      // The key goes only to xAI's hosts and to hosts the user allowed (EndpointTrust).
      apiKey: () => (this.trust.mayAttachKey(settings.baseUrl) ? this.keyStore.get() : undefined),
      timeouts: { totalMs: settings.requestTimeoutSeconds * 1000, stallMs: settings.stallTimeoutSeconds * 1000 },
      dispatcher,
      logger: this.logger,
      onUsage: this.onUsage,
      userAgent: `grok-code-assistant/${vscode.extensions.getExtension('grok-code-assistant.grok-code-assistant')?.packageJSON.version ?? 'dev'} vscode/${vscode.version}`,
    });
    return this.client;
  }

  private reset(): void {
    const close = this.closeDispatcher;
    this.client = undefined;
    this.closeDispatcher = undefined;
    void close?.().catch(() => undefined);
  }

  dispose(): void {
    this.reset();
  }
}
