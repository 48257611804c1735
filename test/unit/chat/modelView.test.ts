import { strict as assert } from 'node:assert';
import { modelView } from '../../../src/core/chat/modelView';

describe('modelView (model picker entries)', () => {
  it('carries images, the planned context window and the listed price', () => {
    const view = modelView({ id: 'grok-x', aliases: [], inputModalities: ['text', 'image'], acceptsImages: true, price: { inputPerMTok: 2, outputPerMTok: 10 } }, 256_000);
    assert.deepEqual(view, { id: 'grok-x', vision: true, contextWindow: 256_000, price: { inputPerMTok: 2, outputPerMTok: 10 } });
  });

  it('falls back to the built-in price, and leaves the price out for unknown models', () => {
    assert.ok(modelView({ id: 'grok-4.3', aliases: [], inputModalities: [], acceptsImages: undefined }, 1_000_000).price, 'grok-4.3 has a built-in price');
    const local = modelView({ id: 'llama-local', aliases: [], inputModalities: [], acceptsImages: undefined }, 128_000);
    assert.equal(local.price, undefined);
    assert.equal(local.vision, false);
  });
});
