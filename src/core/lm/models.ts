import type { ModelInfo, ModelLimits } from '../api';
import { contextWindowFor } from '../chat/tokens';
import type { LmModelInformation } from './types';

/** Names of models that are not chat models (image and video generation, embeddings, speech). */
const NOT_CHAT = /(?:^|-)(?:image|imagine|video|embed|embedding|tts|whisper|audio)(?:-|$)/i;

/** Models that cannot call tools; every Grok chat model since grok-3 can, and so we assume for others. */
const NO_TOOLS = /^grok-(?:1|2)(?:-|$)|^grok-beta$/i;

/** What the provider knows beyond the listing: limits learned from response headers, and our output cap. */
export interface ModelInformationInput {
  /** Limits per model id, from the `x-grok-context-window` / `x-grok-max-completion-tokens` headers. */
  learned: ReadonlyMap<string, ModelLimits>;
  /** The `grok.maxOutputTokens` setting: the most a request through the provider asks for. */
  maxOutputTokens: number;
}

/** `grok-4.20-0309-reasoning` → `grok-4.20`, `grok-build-0.1` → `grok-build`: the first two name parts. */
export function modelFamily(id: string): string {
  return id.split('-').slice(0, 2).join('-');
}

function formatTokens(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(2)}M` : `${Math.round(n / 1000)}K`;
}

/**
 * The model list for VS Code's model picker. Only chat models: when /language-models answered (xAI),
 * exactly the models it lists (`acceptsImages` is known for them), else every model whose name does
 * not say image, video, embedding or speech.
 *
 * Limits: the context window is what the API's headers said for that model, else the table in
 * core/chat/tokens.ts (`contextWindowFor`), else 128K — the documented fallback. The output limit is
 * `grok.maxOutputTokens`, lowered to the model's own maximum when the headers gave one; the input limit
 * is the context window minus that, so a prompt VS Code fits to it leaves room for the answer.
 * `imageInput` is true only when the listing says the model takes images.
 */
export function toModelInformation(models: readonly ModelInfo[], input: ModelInformationInput): LmModelInformation[] {
  const xaiListing = models.some((m) => m.acceptsImages !== undefined);
  const chat = models.filter((m) => (xaiListing ? m.acceptsImages !== undefined : !NOT_CHAT.test(m.id)));
  return chat.map((m) => {
    const learned = input.learned.get(m.id);
    const contextWindow = contextWindowFor(m.id, learned?.contextWindow);
    const maxOutputTokens = Math.max(1, Math.min(input.maxOutputTokens, learned?.maxCompletionTokens ?? Infinity, Math.floor(contextWindow / 2)));
    const aliases = m.aliases.length ? ` (also ${m.aliases.join(', ')})` : '';
    const price = m.price ? ` · $${+m.price.inputPerMTok.toFixed(2)} / $${+m.price.outputPerMTok.toFixed(2)} per 1M tokens in/out` : '';
    return {
      id: m.id,
      name: m.id,
      family: modelFamily(m.id),
      version: m.id,
      detail: 'xAI',
      tooltip: `${m.id}${aliases}: ${formatTokens(contextWindow)} context${price}`,
      maxInputTokens: contextWindow - maxOutputTokens,
      maxOutputTokens,
      capabilities: { toolCalling: !NO_TOOLS.test(m.id), imageInput: m.acceptsImages === true },
      isUserSelectable: true,
    };
  });
}

/**
 * Remembers the limits response headers gave per model. `learn` says whether anything changed, so the
 * provider tells VS Code to ask for the model list again only then.
 */
export class LearnedLimits {
  private readonly byModel = new Map<string, ModelLimits>();

  get all(): ReadonlyMap<string, ModelLimits> {
    return this.byModel;
  }

  learn(model: string, limits: ModelLimits): boolean {
    const before = this.byModel.get(model);
    const next = { ...before, ...limits };
    if (before?.contextWindow === next.contextWindow && before?.maxCompletionTokens === next.maxCompletionTokens) return false;
    this.byModel.set(model, next);
    return true;
  }
}
