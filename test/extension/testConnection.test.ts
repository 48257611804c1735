import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { FAKE_XAI_KEY } from '../fakeXai/server';
import { useFakeXai } from './helpers';

interface ConnectionReport {
  ok: boolean;
  message: string;
}

describe('Test Connection against the fake xAI server', () => {
  const server = useFakeXai();

  it('reports the key as working and counts the models', async () => {
    await vscode.commands.executeCommand('grok.setApiKey', FAKE_XAI_KEY);
    const report = await vscode.commands.executeCommand<ConnectionReport>('grok.testConnection');
    assert.equal(report.ok, true, report.message);
    assert.match(report.message, /Connected to 127\.0\.0\.1:\d+: .*works, \d+ models available/);
    const seen = server.get().requests.find((r) => r.path.endsWith('/api-key'));
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
