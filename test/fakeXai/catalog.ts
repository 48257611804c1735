/** The models the fake server knows, in xAI's /language-models shape (prices: USD cents per 100M tokens). */
export const LANGUAGE_MODELS = [
  { id: 'grok-4.3', aliases: ['grok-latest'], input_modalities: ['text', 'image'], prompt_text_token_price: 12_500, cached_prompt_text_token_price: 3_125, completion_text_token_price: 25_000, prompt_image_token_price: 12_500, contextWindow: 1_000_000, maxCompletion: 128_000 },
  { id: 'grok-4.20-0309-reasoning', aliases: [], input_modalities: ['text', 'image'], prompt_text_token_price: 20_000, cached_prompt_text_token_price: 2_000, completion_text_token_price: 60_000, prompt_image_token_price: 20_000, contextWindow: 2_000_000, maxCompletion: 128_000 },
  { id: 'grok-4.20-0309-non-reasoning', aliases: [], input_modalities: ['text', 'image'], prompt_text_token_price: 20_000, cached_prompt_text_token_price: 2_000, completion_text_token_price: 60_000, prompt_image_token_price: 20_000, contextWindow: 2_000_000, maxCompletion: 128_000 },
  { id: 'grok-build-0.1', aliases: [], input_modalities: ['text'], prompt_text_token_price: 2_000, cached_prompt_text_token_price: 200, completion_text_token_price: 15_000, prompt_image_token_price: 0, contextWindow: 256_000, maxCompletion: 64_000 },
] as const;

/** Retired names that still resolve and are silently served by grok-4.3, as on the real API since 2026-05-15. */
const RETIRED = /^(?:grok-code-fast-1|grok-4-0709|grok-4|grok-4-latest|grok-3|grok-4-fast.*|grok-4-1-fast.*)$/;

/** The model that serves a requested name, or undefined when the real API would answer 404. */
export function servedModel(requested: string): string | undefined {
  if (LANGUAGE_MODELS.some((m) => m.id === requested)) return requested;
  const alias = LANGUAGE_MODELS.find((m) => (m.aliases as readonly string[]).includes(requested));
  if (alias) return alias.id;
  if (RETIRED.test(requested) || requested.startsWith('fake-')) return 'grok-4.3';
  return undefined;
}

/** The limits headers xAI sends for the served model. */
export function limitHeaders(model: string): Record<string, string> {
  const entry = LANGUAGE_MODELS.find((m) => m.id === model);
  return entry ? { 'x-grok-context-window': String(entry.contextWindow), 'x-grok-max-completion-tokens': String(entry.maxCompletion) } : {};
}

/** GET /v1/models */
export function modelsPayload(): unknown {
  return { object: 'list', data: LANGUAGE_MODELS.map((m) => ({ id: m.id, created: 1_767_225_600, object: 'model', owned_by: 'xai' })) };
}

/** GET /v1/language-models */
export function languageModelsPayload(): unknown {
  return {
    models: LANGUAGE_MODELS.map(({ contextWindow: _c, maxCompletion: _m, ...m }) => ({
      ...m, fingerprint: 'fp_fake0001', created: 1_767_225_600, object: 'model', owned_by: 'xai', version: '1.0', output_modalities: ['text'], search_price: 0,
    })),
  };
}

/** GET /v1/api-key for the accepted key. */
export function apiKeyPayload(key: string): unknown {
  return {
    redacted_api_key: `${key.slice(0, 4)}...${key.slice(-4)}`,
    user_id: '00000000-0000-4000-8000-000000000001',
    name: 'Fake xAI key',
    create_time: '2026-01-01T00:00:00Z',
    modify_time: '2026-01-01T00:00:00Z',
    team_id: '00000000-0000-4000-8000-000000000002',
    acls: ['api-key:model:*', 'api-key:endpoint:*'],
    api_key_id: '00000000-0000-4000-8000-000000000003',
    team_blocked: false,
    api_key_blocked: false,
    api_key_disabled: false,
  };
}

/** The 400 xAI answers to a wrong key (an invalid key is a 400, not a 401). */
export function invalidKeyBody(key: string): unknown {
  const masked = `${key.slice(0, 2)}***${key.slice(-2)}`;
  return { code: 'Client specified an invalid argument', error: `Incorrect API key provided: ${masked}. You can obtain an API key from https://console.x.ai.` };
}
