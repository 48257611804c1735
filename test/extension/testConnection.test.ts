import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { FAKE_XAI_KEY, FakeXaiServer } from '../fakeXai/server';
import { activateExtension } from './helpers';

interface ConnectionReport {
  ok: boolean;
  message: string;
}

describe('Test Connection against the fake xAI server', () => {
  let fake: FakeXaiServer;
  const grok = () => vscode.workspace.getConfiguration('grok');

  before(async () => {
    await activateExtension();
    fake = await FakeXaiServer.start();
    await grok().update('baseUrl', fake.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await grok().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.clearApiKey');
    await fake?.close();
  });

  beforeEach(() => fake.reset());

  it('reports the key as working and counts the models', async () => {
    await vscode.commands.executeCommand('grok.setApiKey', FAKE_XAI_KEY);
    const report = await vscode.commands.executeCommand<ConnectionReport>('grok.testConnection');
    assert.equal(report.ok, true, report.message);
    assert.match(report.message, /Connected to 127\.0\.0\.1:\d+: .*works, \d+ models available/);
    const seen = fake.requests.find((r) => r.path.endsWith('/api-key'));
    assert.ok(seen, 'the key check reached the server');
    assert.equal(seen.headers.authorization, `Bearer ${FAKE_XAI_KEY}`);
    assert.ok(seen.headers['x-request-id'], 'each call carries an X-Request-Id');
  });

  it('shows the auth message for a wrong key', async () => {
    await vscode.commands.executeCommand('grok.setApiKey', 'xai-wrong-key-0000000000');
    const report = await vscode.commands.executeCommand<ConnectionReport>('grok.testConnection');
    assert.equal(report.ok, false);
    assert.match(report.message, /API key/i);
    assert.doesNotMatch(report.message, /xai-wrong-key-0000000000/, 'the key itself is never shown');
  });
});
