import { strict as assert } from 'node:assert';
import { checkApiKeyInput } from '../../src/core/apiKey';

describe('API key input', () => {
  it('trims surrounding whitespace from a pasted key', () => {
    assert.deepEqual(checkApiKeyInput('  xai-abcdefghijklmnop\n'), { ok: true, key: 'xai-abcdefghijklmnop' });
  });

  it('rejects empty and whitespace-only input with a message', () => {
    for (const input of [undefined, '', '   ', '\n\t']) {
      const r = checkApiKeyInput(input);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /empty/);
    }
  });

  it('rejects a key with spaces inside', () => {
    const r = checkApiKeyInput('xai-abc def-ghijkl');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /no spaces/);
  });

  it('rejects a pasted "Bearer" prefix, too-short keys and non-ASCII', () => {
    assert.equal(checkApiKeyInput('Bearer').ok, false);
    assert.equal(checkApiKeyInput('abc').ok, false);
    assert.equal(checkApiKeyInput('xai-abcdéfghijklmnop').ok, false);
  });
});
