import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, settingKeys } from '../../src/core/config';

interface ContributedSetting {
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const contributed: Record<string, ContributedSetting> = manifest.contributes.configuration.properties;

describe('settings schema', () => {
  it('matches the settings package.json contributes, key for key and default for default', () => {
    const defaults = parseSettings({});
    const manifestKeys = Object.keys(contributed).map((k) => k.replace(/^grok\./, '')).sort();
    assert.deepEqual(manifestKeys, [...settingKeys].sort());
    for (const key of settingKeys) {
      assert.deepEqual(contributed[`grok.${key}`]?.default, defaults[key], `default of grok.${key}`);
    }
  });

  it('gives every setting a description', () => {
    for (const [key, setting] of Object.entries(contributed)) {
      assert.ok(setting.description || setting.markdownDescription, `${key} has no description`);
    }
  });

  it('falls back to the default for invalid values instead of failing', () => {
    const s = parseSettings({ baseUrl: 42, maxRetries: -2, api: 'soap', model: '  ' });
    assert.equal(s.baseUrl, 'https://api.x.ai/v1');
    assert.equal(parseSettings({ baseUrl: '   ' }).baseUrl, 'https://api.x.ai/v1', 'cleared means the default');
    assert.equal(s.maxRetries, 3);
    assert.equal(s.api, 'auto');
    assert.equal(s.model, 'grok-4.3');
  });

  it('keeps a mistyped base URL as typed, so it is refused with a message rather than replaced', () => {
    assert.equal(parseSettings({ baseUrl: ' htps://api.x.ai/v1 ' }).baseUrl, 'htps://api.x.ai/v1');
  });

  it('keeps valid values', () => {
    const s = parseSettings({ baseUrl: 'http://127.0.0.1:8080/v1', maxRetries: 0, api: 'chat' });
    assert.equal(s.baseUrl, 'http://127.0.0.1:8080/v1');
    assert.equal(s.maxRetries, 0);
    assert.equal(s.api, 'chat');
  });
});
