import type { Dispatcher } from 'undici';
import * as z from 'zod';
import { KEY_NEEDED_MESSAGE } from '../apiKey';
import { silentLogger, type Logger } from '../log';
import { hostOf, isXaiHost, resolveEndpoint } from './endpoint';
import { GrokApiError, isGrokApiError } from './errors';
import { getJson, type GetDeps } from './http';
import { ModelCatalog, type ModelInfo } from './models';
import { UnsupportedParams } from './params';
import { ServerToolCompat } from './serverTools';
import { abortableSleep, DEFAULT_BACKOFF, type BackoffOptions } from './retry';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timers';
import { streamTurn } from './turn';
import type { ApiMode, Endpoint, TurnEvent, TurnRequest, UsageRecord } from './types';

/** How to build a {@link GrokClient}. Only `baseUrl` is required. */
export interface GrokClientOptions {
  /** e.g. `https://api.x.ai/v1` (the `grok.baseUrl` setting). */
  baseUrl: string;
  /** The key, or a function reading it (from SecretStorage) before each call. Optional outside api.x.ai. */
  apiKey?: string | (() => string | undefined | Promise<string | undefined>);
  /** The `grok.api` setting. Default `auto`. */
  api?: ApiMode;
  /** Retries before output started (the `grok.maxRetries` setting). Default 3. */
  maxRetries?: number;
  timeouts?: Partial<Timeouts>;
  /** An undici dispatcher, e.g. from {@link createDispatcher} for proxies. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  /** Called with every attempt's usage record, failures included (for a usage ledger). */
  onUsage?: (record: UsageRecord) => void;
  /** How long the model list is cached. Default 10 minutes. */
  modelsTtlMs?: number;
  userAgent?: string;
  /** Test seams: time, randomness and waiting. */
  backoff?: BackoffOptions;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** The outcome of Test Connection: the key's status and the model count, or the exact error. */
export type ConnectionResult =
  | { ok: true; endpoint: Endpoint; host: string; keyName?: string; redactedKey?: string; modelCount: number; latencyMs: number }
  | { ok: false; error: GrokApiError };

const apiKeySchema = z.object({
  name: z.string().nullish(),
  redacted_api_key: z.string().nullish(),
  api_key_blocked: z.boolean().nullish(),
  api_key_disabled: z.boolean().nullish(),
  team_blocked: z.boolean().nullish(),
});

/**
 * The xAI client: streams turns, lists models, checks the key. One instance per settings snapshot;
 * it remembers which parameters each model rejected and caches the model list.
 */
export class GrokClient {
  readonly endpoint: Endpoint;
  private readonly unsupported = new UnsupportedParams();
  private readonly serverTools = new ServerToolCompat();
  private readonly catalog: ModelCatalog;
  private readonly timeouts: Timeouts;

  constructor(private readonly options: GrokClientOptions) {
    this.endpoint = resolveEndpoint(options.api ?? 'auto', options.baseUrl);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.catalog = new ModelCatalog(() => this.getDeps(undefined), options.modelsTtlMs);
  }

  /**
   * Streams one turn. Iterate the events; errors are thrown as {@link GrokApiError}. Stop with `signal`
   * (or by leaving the loop): the request is aborted and its socket freed at once.
   */
  async *stream(request: TurnRequest, signal?: AbortSignal): AsyncGenerator<TurnEvent, void, undefined> {
    const apiKey = await this.readKey();
    // A local OpenAI-compatible server may need no key; xAI always does, so say so before a round trip.
    if (!apiKey && isXaiHost(this.options.baseUrl)) {
      throw new GrokApiError({ kind: 'auth', action: 'setApiKey', message: KEY_NEEDED_MESSAGE });
    }
    yield* streamTurn(
      {
        baseUrl: this.options.baseUrl,
        endpoint: this.endpoint,
        apiKey,
        dispatcher: this.options.dispatcher,
        logger: this.logger,
        timeouts: this.timeouts,
        maxRetries: this.options.maxRetries ?? 3,
        backoff: this.options.backoff ?? DEFAULT_BACKOFF,
        sleep: this.options.sleep ?? abortableSleep,
        random: this.options.random ?? Math.random,
        now: this.now,
        unsupported: this.unsupported,
        serverTools: this.serverTools,
        prices: this.catalog.priceOf,
        onUsage: this.options.onUsage,
        userAgent: this.userAgent,
      },
      request,
      signal,
    );
  }

  /** Models from GET /models merged with GET /language-models; cached, `refresh` forces a fetch. */
  async listModels(options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<ModelInfo[]> {
    await this.readKeyInto();
    return this.catalog.list(options.refresh ?? false, options.signal);
  }

  /**
   * Test Connection: GET /api-key (xAI) for the key's status, then the model list for the count. Servers
   * without /api-key (OpenAI-compatible ones) are checked with GET /models alone. Never throws.
   */
  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    const started = this.now();
    try {
      const deps = await this.readKeyInto();
      let keyInfo: z.infer<typeof apiKeySchema> | undefined;
      try {
        keyInfo = await getJson(deps, 'api-key', apiKeySchema, signal);
      } catch (err) {
        if (!(isGrokApiError(err) && (err.status === 404 || err.kind === 'notFound'))) throw err;
      }
      if (keyInfo?.api_key_blocked || keyInfo?.api_key_disabled || keyInfo?.team_blocked) {
        const what = keyInfo.team_blocked ? 'Your xAI team is blocked' : `This API key is ${keyInfo.api_key_blocked ? 'blocked' : 'disabled'}`;
        return { ok: false, error: new GrokApiError({ kind: 'auth', action: 'setApiKey', message: `${what}; check console.x.ai.` }) };
      }
      const models = await this.catalog.list(true, signal);
      return {
        ok: true,
        endpoint: this.endpoint,
        host: hostOf(this.options.baseUrl),
        keyName: keyInfo?.name ?? undefined,
        redactedKey: keyInfo?.redacted_api_key ?? undefined,
        modelCount: models.length,
        latencyMs: this.now() - started,
      };
    } catch (err) {
      const error = isGrokApiError(err) ? err : new GrokApiError({ kind: 'network', message: String(err), cause: err });
      return { ok: false, error };
    }
  }

  private get logger(): Logger {
    return this.options.logger ?? silentLogger;
  }

  private get userAgent(): string {
    return this.options.userAgent ?? 'grok-code-assistant';
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  private key: string | undefined;

  private async readKey(): Promise<string | undefined> {
    const source = this.options.apiKey;
    this.key = typeof source === 'function' ? await source() : source;
    return this.key;
  }

  private async readKeyInto(): Promise<GetDeps> {
    await this.readKey();
    return this.getDeps(this.key);
  }

  private getDeps(apiKey: string | undefined): GetDeps {
    return { baseUrl: this.options.baseUrl, apiKey: apiKey ?? this.key, dispatcher: this.options.dispatcher, logger: this.logger, timeouts: this.timeouts, userAgent: this.userAgent, now: this.now };
  }
}
