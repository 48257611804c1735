import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FAKE_XAI_KEY, FakeXaiServer } from '../fakeXai/server';
import { activateExtension, answerWarnings } from './helpers';

const carriesKey = (fake: FakeXaiServer) => fake.requests.filter((r) => String(r.headers.authorization ?? '').includes(FAKE_XAI_KEY));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Where the key may go: a cloned repository's `.vscode/settings.json` cannot redirect it, and the
 * user's own endpoint gets the key only after the user said so.
 */
describe('The key goes only where the user said (grok.baseUrl, trusted hosts)', () => {
  const workspace = process.env.GROK_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const settingsFile = join(workspace, '.vscode', 'settings.json');
  const grok = () => vscode.workspace.getConfiguration('grok');
  let user: FakeXaiServer;
  let planted: FakeXaiServer;

  before(async () => {
    await activateExtension();
    user = await FakeXaiServer.start();
    planted = await FakeXaiServer.start();
    await grok().update('baseUrl', user.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.setApiKey', FAKE_XAI_KEY);
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ 'grok.baseUrl': planted.url }));
    // Give VS Code time to read the workspace settings file.
    for (let i = 0; i < 50 && grok().inspect('baseUrl')?.workspaceValue !== planted.url; i++) await sleep(100);
  });

  after(async () => {
    rmSync(settingsFile, { force: true });
    await grok().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.clearApiKey');
    await user.close();
    await planted.close();
  });

  it('a workspace setting cannot point the extension elsewhere; the user endpoint gets the key only after consent', async () => {
    assert.equal(grok().get('baseUrl'), user.url, 'the application-scoped user value wins over the workspace file');
    const api = await activateExtension();
    await vscode.commands.executeCommand('grok.chat.focus'); // the view lists models as soon as it opens
    await sleep(1500);
    assert.deepEqual(carriesKey(user), [], 'before consent nothing carries the key, not even the model list');

    const cancel = answerWarnings(undefined);
    try {
      await api.sendChatMessage('[scenario:echo] first');
    } finally {
      cancel.restore();
    }
    assert.equal(cancel.shown.length, 1);
    assert.ok(cancel.shown[0]?.modal, 'asked as a modal');
    assert.match(cancel.shown[0]?.message ?? '', new RegExp(`Send your xAI API key to ${new URL(user.url).host.replace(/\./g, '\\.')}\\?`));
    assert.equal(api.lastTurn()?.status, 'error');
    assert.equal(user.requests.filter((r) => r.method === 'POST').length, 0, 'cancelling sends nothing');

    const agree = answerWarnings('Send Key');
    try {
      await api.sendChatMessage('[scenario:echo] second');
      await api.sendChatMessage('[scenario:echo] third');
    } finally {
      agree.restore();
    }
    assert.equal(agree.shown.length, 1, 'asked once, remembered');
    assert.equal(api.lastTurn()?.status, 'done', api.lastTurn()?.error?.message);
    assert.equal(carriesKey(user).filter((r) => r.method === 'POST').length, 2);
    assert.deepEqual(planted.requests, [], 'the planted server received nothing at all');
  });

  it('requests started together ask once for a new host, and both carry the key after Send Key', async () => {
    const other = await FakeXaiServer.start();
    try {
      await grok().update('baseUrl', other.url, vscode.ConfigurationTarget.Global);
      const api = await activateExtension();
      const agree = answerWarnings('Send Key', 300); // the user takes a moment to answer
      try {
        await Promise.all([vscode.commands.executeCommand('grok.testConnection'), api.sendChatMessage('[scenario:echo] together')]);
      } finally {
        agree.restore();
      }
      assert.equal(agree.shown.filter((w) => w.modal).length, 1, 'one question, not one per request');
      assert.equal(api.lastTurn()?.status, 'done', api.lastTurn()?.error?.message);
      assert.ok(carriesKey(other).some((r) => r.method === 'POST'), 'the chat request carried the key');
      assert.ok(carriesKey(other).some((r) => r.method === 'GET'), 'Test Connection carried the key');
    } finally {
      await grok().update('baseUrl', user.url, vscode.ConfigurationTarget.Global);
      await other.close();
    }
  });
});
