import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

describe('API key in SecretStorage', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('grok.clearApiKey');
  });

  it('Set API Key stores the key and Clear API Key removes it', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('grok.clearApiKey');
    assert.equal(await api.hasApiKey(), false);

    assert.equal(await vscode.commands.executeCommand('grok.setApiKey', '  xai-test-key-1234567890\n'), true);
    assert.equal(await api.hasApiKey(), true);

    assert.equal(await vscode.commands.executeCommand('grok.clearApiKey'), true);
    assert.equal(await api.hasApiKey(), false);
    assert.equal(await vscode.commands.executeCommand('grok.clearApiKey'), false, 'clearing twice reports nothing to clear');
  });

  it('refuses an empty key, a whitespace key and a key with spaces, storing nothing', async () => {
    const api = await activateExtension();
    for (const bad of ['', '   ', 'xai-abc def-1234567890']) {
      assert.equal(await vscode.commands.executeCommand('grok.setApiKey', bad), false, JSON.stringify(bad));
      assert.equal(await api.hasApiKey(), false, `nothing stored for ${JSON.stringify(bad)}`);
    }
  });

  it('keeps a bad key from replacing a good one', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('grok.setApiKey', 'xai-good-key-1234567890');
    await vscode.commands.executeCommand('grok.setApiKey', '   ');
    assert.equal(await api.hasApiKey(), true);
  });

  it('never writes the key into settings', async () => {
    await activateExtension();
    const key = 'xai-settings-probe-1234567890';
    await vscode.commands.executeCommand('grok.setApiKey', key);
    const grok = vscode.workspace.getConfiguration('grok');
    const all = JSON.stringify(Object.fromEntries(Object.keys(grok).map((k) => [k, grok.get(k)])));
    assert.ok(!all.includes(key));
  });
});
