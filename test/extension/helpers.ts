import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { GrokExtensionApi } from '../../src/extension';
import { FAKE_XAI_KEY, FakeXaiServer } from '../fakeXai/server';

export const EXTENSION_ID = 'grok-code-assistant.grok-code-assistant';

/** Activates the extension under test and returns its API (fails if activation failed). */
export async function activateExtension(): Promise<GrokExtensionApi> {
  const ext = vscode.extensions.getExtension<GrokExtensionApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  assert.ok(api, 'activate() returned the API (activation did not fail)');
  return api;
}

/**
 * Starts the fake xAI server for a `describe` block, points `grok.baseUrl` at it and stores its key;
 * undoes all of it afterwards. Recorded requests are cleared before each test.
 */
export function useFakeXai(): { get: () => FakeXaiServer } {
  let fake: FakeXaiServer | undefined;
  const grok = () => vscode.workspace.getConfiguration('grok');
  before(async () => {
    await activateExtension();
    fake = await FakeXaiServer.start();
    await grok().update('baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.setApiKey', FAKE_XAI_KEY);
    await trustHost();
  });
  beforeEach(() => fake?.reset());
  after(async () => {
    await grok().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.clearApiKey');
    await fake?.close();
  });
  return {
    get: () => {
      assert.ok(fake, 'the fake xAI server is running');
      return fake;
    },
  };
}

/**
 * Answers the extension's warning messages instead of the user (a modal dialog would wait for a
 * click forever) and records them. The extension and these tests share one `vscode` API object.
 */
export function answerWarnings(answer: string | undefined, delayMs = 0): { shown: { message: string; modal: boolean }[]; restore: () => void } {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const shown: { message: string; modal: boolean }[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = rest[0];
    const modal = typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal === true;
    shown.push({ message: String(message), modal });
    return new Promise((resolve) => setTimeout(() => resolve(answer), delayMs));
  };
  return { shown, restore: () => (window.showWarningMessage = original) };
}

/** Allows the key to go to the configured (fake) host, answering the consent modal once via Test Connection. */
export async function trustHost(): Promise<void> {
  const consent = answerWarnings('Send Key');
  try {
    await vscode.commands.executeCommand('grok.testConnection');
  } finally {
    consent.restore();
  }
}

/** Runs `body` with no key and the real xAI URL (so the key is required), then restores the fake. */
export async function withoutKey(fake: FakeXaiServer, body: () => Promise<void>): Promise<void> {
  const grok = vscode.workspace.getConfiguration('grok');
  await vscode.commands.executeCommand('grok.clearApiKey');
  await grok.update('baseUrl', 'https://api.x.ai/v1', vscode.ConfigurationTarget.Global);
  try {
    await body();
  } finally {
    await grok.update('baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grok.setApiKey', FAKE_XAI_KEY);
  }
}
