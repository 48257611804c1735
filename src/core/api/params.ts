import type { ReasoningEffort } from './types';

/** Optional request parameters that some models reject with a 400. Names as on the Chat wire. */
export type OptionalParam = 'reasoning_effort' | 'presence_penalty' | 'frequency_penalty' | 'stop' | 'temperature' | 'top_p';

/** What a model is known to accept, from data rather than guesses. */
export interface ModelCapabilities {
  /** Efforts the model accepts; empty = never send `reasoning_effort`. */
  reasoningEfforts: readonly ReasoningEffort[];
  /** The model rejects presence/frequency penalties and `stop` (reasoning models and the whole grok-4 family). */
  rejectsPenaltiesAndStop: boolean;
}

interface CapabilityRule {
  pattern: RegExp;
  caps: ModelCapabilities;
}

const STANDARD_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high'];

/**
 * Per-model facts as of 2026 (see shared/design/xai-protocol.md, "Parameters that bounce"). First match wins.
 * A 400 naming a parameter still overrides this table at run time ({@link UnsupportedParams}).
 */
const RULES: readonly CapabilityRule[] = [
  { pattern: /^grok-3-mini/, caps: { reasoningEfforts: ['low', 'high'], rejectsPenaltiesAndStop: true } },
  { pattern: /^grok-4\.6/, caps: { reasoningEfforts: [...STANDARD_EFFORTS, 'xhigh'], rejectsPenaltiesAndStop: true } },
  { pattern: /^grok-4\.(?:3|5)(?![0-9])/, caps: { reasoningEfforts: STANDARD_EFFORTS, rejectsPenaltiesAndStop: true } },
  // grok-4.20*, the retired grok-4-* names, grok-code-*, grok-build-*: no effort, no penalties.
  { pattern: /^grok-(?:4|code|build)/, caps: { reasoningEfforts: [], rejectsPenaltiesAndStop: true } },
  { pattern: /^grok-3(?!-mini)/, caps: { reasoningEfforts: [], rejectsPenaltiesAndStop: false } },
  // Any other grok: assume the newest behaviour (reasoning model) and send nothing optional.
  { pattern: /^grok-/, caps: { reasoningEfforts: [], rejectsPenaltiesAndStop: true } },
];

/** Non-xAI models (a local OpenAI-compatible server): send what the caller asked for. */
const PERMISSIVE: ModelCapabilities = { reasoningEfforts: [...STANDARD_EFFORTS, 'xhigh'], rejectsPenaltiesAndStop: false };

/** Looks up what `model` accepts. */
export function modelCapabilities(model: string): ModelCapabilities {
  const id = model.trim().toLowerCase();
  return RULES.find((rule) => rule.pattern.test(id))?.caps ?? PERMISSIVE;
}

/**
 * Which optional parameters to leave out for `model`: those the table says it rejects plus those a
 * server already rejected at run time.
 */
export function paramsToOmit(model: string, effort: ReasoningEffort | undefined, learned: ReadonlySet<OptionalParam>): Set<OptionalParam> {
  const caps = modelCapabilities(model);
  const omit = new Set<OptionalParam>(learned);
  if (effort !== undefined && !caps.reasoningEfforts.includes(effort)) omit.add('reasoning_effort');
  if (caps.rejectsPenaltiesAndStop) {
    omit.add('presence_penalty');
    omit.add('frequency_penalty');
    omit.add('stop');
  }
  return omit;
}

const PARAM_NAMES: Record<string, OptionalParam> = {
  reasoningeffort: 'reasoning_effort',
  reasoning_effort: 'reasoning_effort',
  'reasoning.effort': 'reasoning_effort',
  reasoning: 'reasoning_effort',
  presencepenalty: 'presence_penalty',
  presence_penalty: 'presence_penalty',
  frequencypenalty: 'frequency_penalty',
  frequency_penalty: 'frequency_penalty',
  stop: 'stop',
  stopsequences: 'stop',
  temperature: 'temperature',
  topp: 'top_p',
  top_p: 'top_p',
};

/**
 * Finds the parameter a 400 message complains about, e.g. "Model grok-4-latest does not support
 * parameter reasoningEffort." or "Argument not supported on this model: presencePenalty".
 */
export function unsupportedParamIn(message: string): OptionalParam | undefined {
  const match =
    /does not support (?:the )?(?:parameter|argument)s?:?\s*[`'"]?([A-Za-z_.]+)/i.exec(message) ??
    /(?:argument|parameter) (?:is )?not supported(?: on this model| by this model)?:?\s*[`'"]?([A-Za-z_.]+)/i.exec(message) ??
    /unsupported (?:parameter|argument):?\s*[`'"]?([A-Za-z_.]+)/i.exec(message);
  const name = match?.[1]?.replace(/[.]$/, '').toLowerCase();
  return name ? PARAM_NAMES[name] : undefined;
}

/** Parameters each model rejected at run time, remembered for the life of the client. */
export class UnsupportedParams {
  private readonly byModel = new Map<string, Set<OptionalParam>>();

  /** The parameters `model` is known to reject. */
  for(model: string): ReadonlySet<OptionalParam> {
    return this.byModel.get(model) ?? new Set();
  }

  /** Records that `model` rejected `param`. */
  remember(model: string, param: OptionalParam): void {
    const set = this.byModel.get(model) ?? new Set<OptionalParam>();
    set.add(param);
    this.byModel.set(model, set);
  }
}
