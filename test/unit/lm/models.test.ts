import { strict as assert } from 'node:assert';
import type { ModelInfo } from '../../../src/core/api';
import { LearnedLimits, modelFamily, toModelInformation } from '../../../src/core/lm';

const model = (id: string, acceptsImages: boolean | undefined, extra: Partial<ModelInfo> = {}): ModelInfo => ({
  id,
  aliases: [],
  inputModalities: acceptsImages === undefined ? [] : acceptsImages ? ['text', 'image'] : ['text'],
  acceptsImages,
  ...extra,
});

describe('language-model provider: model information', () => {
  it('lists the xAI language models with image input as the listing says, tool calling on', () => {
    const info = toModelInformation([model('grok-4.3', true), model('grok-build-0.1', false)], { learned: new Map(), maxOutputTokens: 16_384 });
    assert.deepEqual(info.map((m) => [m.id, m.capabilities.imageInput, m.capabilities.toolCalling, m.isUserSelectable]), [
      ['grok-4.3', true, true, true],
      ['grok-build-0.1', false, true, true],
    ]);
  });

  it('uses the table for the context window and keeps room for the answer', () => {
    const [m] = toModelInformation([model('grok-4.3', true)], { learned: new Map(), maxOutputTokens: 16_384 });
    assert.equal(m?.maxOutputTokens, 16_384);
    assert.equal(m?.maxInputTokens, 1_000_000 - 16_384);
  });

  it('prefers the limits the headers gave, capping output at the model maximum', () => {
    const learned = new Map([['grok-4.3', { contextWindow: 500_000, maxCompletionTokens: 8_000 }]]);
    const [m] = toModelInformation([model('grok-4.3', true)], { learned, maxOutputTokens: 16_384 });
    assert.equal(m?.maxOutputTokens, 8_000);
    assert.equal(m?.maxInputTokens, 492_000);
  });

  it('falls back to 128K for unknown models of an OpenAI-compatible server, and leaves out non-chat models there', () => {
    const info = toModelInformation([model('llama-3-8b', undefined), model('grok-2-image-1212', undefined), model('text-embedding-3', undefined)], {
      learned: new Map(),
      maxOutputTokens: 4_096,
    });
    assert.deepEqual(info.map((m) => m.id), ['llama-3-8b']);
    assert.equal(info[0]?.maxInputTokens, 128_000 - 4_096);
    assert.equal(info[0]?.capabilities.imageInput, false, 'unknown is not claimed');
  });

  it('lists only what /language-models listed when it answered (image generation models come from /models alone)', () => {
    const info = toModelInformation([model('grok-4.3', true), model('grok-imagine-image', undefined)], { learned: new Map(), maxOutputTokens: 1_000 });
    assert.deepEqual(info.map((m) => m.id), ['grok-4.3']);
  });

  it('names the family by the first two parts and puts price and aliases in the tooltip', () => {
    assert.equal(modelFamily('grok-4.20-0309-reasoning'), 'grok-4.20');
    assert.equal(modelFamily('grok-4.3'), 'grok-4.3');
    const [m] = toModelInformation([model('grok-4.3', true, { aliases: ['grok-latest'], price: { inputPerMTok: 1.25, outputPerMTok: 2.5 } })], {
      learned: new Map(),
      maxOutputTokens: 1_000,
    });
    assert.match(m?.tooltip ?? '', /grok-latest.*1M context.*\$1\.25 \/ \$2\.5 per 1M/);
  });

  it('learned limits report a change only when a value changed', () => {
    const limits = new LearnedLimits();
    assert.equal(limits.learn('grok-4.3', { contextWindow: 1_000_000 }), true);
    assert.equal(limits.learn('grok-4.3', { contextWindow: 1_000_000 }), false);
    assert.equal(limits.learn('grok-4.3', { maxCompletionTokens: 128_000 }), true);
    assert.deepEqual(limits.all.get('grok-4.3'), { contextWindow: 1_000_000, maxCompletionTokens: 128_000 });
  });
});
