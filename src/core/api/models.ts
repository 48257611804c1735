import * as z from 'zod';
import { isGrokApiError } from './errors';
import { getJson, type GetDeps } from './http';
import { priceFromListing, type ModelPrice } from './pricing';

/** One model for the picker, merged from GET /models and GET /language-models. */
export interface ModelInfo {
  id: string;
  aliases: string[];
  /** e.g. ['text', 'image']; empty when the server did not say. */
  inputModalities: string[];
  /** True/false when /language-models said; undefined when unknown (an OpenAI-compatible server). */
  acceptsImages: boolean | undefined;
  /** Prices from /language-models, converted to USD per 1M tokens. */
  price?: ModelPrice;
  created?: number;
  ownedBy?: string;
}

const num = z.number().nullish();

const modelsSchema = z.object({
  data: z.array(z.object({ id: z.string(), created: num, owned_by: z.string().nullish() })),
});

const languageModelsSchema = z.object({
  models: z.array(
    z.object({
      id: z.string(),
      created: num,
      owned_by: z.string().nullish(),
      aliases: z.array(z.string()).nullish(),
      input_modalities: z.array(z.string()).nullish(),
      prompt_text_token_price: num,
      cached_prompt_text_token_price: num,
      completion_text_token_price: num,
      prompt_image_token_price: num,
    }),
  ),
});

/** Fetches both listings and merges them by id; /language-models is optional (absent outside xAI). */
export async function fetchModels(deps: GetDeps, signal?: AbortSignal): Promise<ModelInfo[]> {
  const [basic, rich] = await Promise.all([
    getJson(deps, 'models', modelsSchema, signal),
    getJson(deps, 'language-models', languageModelsSchema, signal).catch((err: unknown) => {
      // Only "this server has no such listing" is tolerated; a bad key or an outage must surface.
      if (isGrokApiError(err) && (err.kind === 'notFound' || err.kind === 'malformed' || err.status === 404)) return undefined;
      throw err;
    }),
  ]);
  const byId = new Map<string, ModelInfo>();
  for (const m of basic.data) {
    byId.set(m.id, { id: m.id, aliases: [], inputModalities: [], acceptsImages: undefined, created: m.created ?? undefined, ownedBy: m.owned_by ?? undefined });
  }
  for (const m of rich?.models ?? []) {
    const modalities = m.input_modalities ?? [];
    const price = priceFromListing(m);
    byId.set(m.id, {
      ...byId.get(m.id),
      id: m.id,
      aliases: m.aliases ?? [],
      inputModalities: modalities,
      acceptsImages: m.input_modalities ? modalities.includes('image') : undefined,
      ...(price ? { price } : {}),
      created: m.created ?? byId.get(m.id)?.created,
      ownedBy: m.owned_by ?? byId.get(m.id)?.ownedBy,
    });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The model list, cached for `ttlMs` and refreshed on demand. Concurrent callers share one fetch.
 * Also answers price look-ups by id or alias for the cost estimate.
 */
export class ModelCatalog {
  private cached: { at: number; models: ModelInfo[] } | undefined;
  private inFlight: Promise<ModelInfo[]> | undefined;

  constructor(
    private readonly deps: () => GetDeps,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  /** The models, from cache when fresh unless `refresh` is set. */
  async list(refresh = false, signal?: AbortSignal): Promise<ModelInfo[]> {
    const deps = this.deps();
    if (!refresh && this.cached && deps.now() - this.cached.at < this.ttlMs) return this.cached.models;
    this.inFlight ??= fetchModels(deps, signal)
      .then((models) => {
        this.cached = { at: deps.now(), models };
        return models;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /** Forgets the cached list (e.g. after the key or base URL changed). */
  clear(): void {
    this.cached = undefined;
  }

  /** The listed price of `model` (by id or alias), if the list was fetched and carried prices. */
  readonly priceOf = (model: string): ModelPrice | undefined => {
    const models = this.cached?.models;
    return models?.find((m) => m.id === model || m.aliases.includes(model))?.price;
  };
}
